/**
 * The check before a Shift_JIS (CP932) CSV download: the server lists the characters CP932 cannot hold, and the file
 * is offered only when there are none or the user accepted 〓 in their place (server/common/csv-download.ts refuses
 * it otherwise). Every CSV export screen uses it; each says in its own words what was found.
 */
import { useState } from 'react';
import type { ExportUnencodable, UnencodableReport } from '../../domain/org/org-api.js';
import { ErrorAlert } from './page.js';

type CheckState =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'checked'; count: number; unencodable: ExportUnencodable[] }
  | { state: 'failed'; error: unknown };

export type ShiftJisCheck = {
  isSjis: boolean;
  check: CheckState;
  /** run the check (again) */
  run: () => Promise<void>;
  /** forget the check: the file or the encoding changed */
  reset: () => void;
  acceptsSubstitution: boolean;
  setAcceptsSubstitution: (accepts: boolean) => void;
  /** characters were found: the user must accept 〓 before the download */
  needsConfirmation: boolean;
  /** the download may be offered (nothing to check, nothing found, or 〓 accepted) */
  canDownload: boolean;
  /** ask the server to write 〓 (the replaceUnencodable parameter of the download) */
  replacesUnencodable: boolean;
};

/** `isSjis`: Shift_JIS is the chosen encoding; `load` asks the server what the file could not hold. */
export function useShiftJisCheck(isSjis: boolean, load: () => Promise<UnencodableReport>): ShiftJisCheck {
  const [check, setCheck] = useState<CheckState>({ state: 'none' });
  const [acceptsSubstitution, setAcceptsSubstitution] = useState(false);
  const reset = () => {
    setCheck({ state: 'none' });
    setAcceptsSubstitution(false);
  };
  const run = async () => {
    setCheck({ state: 'checking' });
    setAcceptsSubstitution(false);
    try {
      const result = await load();
      setCheck({ state: 'checked', count: result.count, unencodable: result.unencodable });
    } catch (error) {
      setCheck({ state: 'failed', error });
    }
  };
  const needsConfirmation = isSjis && check.state === 'checked' && check.count > 0;
  const canDownload = !isSjis || (check.state === 'checked' && (check.count === 0 || acceptsSubstitution));
  return {
    isSjis,
    check,
    run,
    reset,
    acceptsSubstitution,
    setAcceptsSubstitution,
    needsConfirmation,
    canDownload,
    replacesUnencodable: needsConfirmation && acceptsSubstitution,
  };
}

/** The button that runs the check, while Shift_JIS is chosen and not yet checked. */
export function ShiftJisCheckButton({ sjis, variant }: { sjis: ShiftJisCheck; variant: 'primary' | 'secondary' }) {
  const { check } = sjis;
  if (!sjis.isSjis || check.state === 'checked') return null;
  return (
    <div className="form-actions">
      <button type="button" className={`button--${variant}`} onClick={() => void sjis.run()} disabled={check.state === 'checking'}>
        {check.state === 'checking' ? '確認中…' : 'Shift_JIS で出力できるか確認'}
      </button>
    </div>
  );
}

/** A failed check, or the all-clear when Shift_JIS holds every character. */
export function ShiftJisCheckOutcome({ sjis }: { sjis: ShiftJisCheck }) {
  const { check } = sjis;
  return (
    <>
      {check.state === 'failed' ? <ErrorAlert error={check.error} title="確認できませんでした。" /> : null}
      {sjis.isSjis && check.state === 'checked' && check.count === 0 ? (
        <p role="status" className="alert alert--success">
          すべての文字を Shift_JIS で出力できます。
        </p>
      ) : null}
    </>
  );
}
