/**
 * The check before a Shift_JIS (CP932) CSV download: the server lists the characters CP932 cannot hold, and the file
 * is offered only when there are none or the user accepted 〓 in their place (server/common/csv-download.ts refuses
 * it otherwise). Every CSV export screen uses it, with the encoding choice and the confirmation below; each screen
 * names the characters found in its own way.
 */
import { useId, useState, type ReactNode } from 'react';
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

/** The encodings a CSV download offers: UTF-8 with BOM (the default) or Shift_JIS (CP932). */
export type CsvEncoding = 'utf-8-bom' | 'cp932';

const encodingLabels: readonly (readonly [CsvEncoding, string])[] = [
  ['utf-8-bom', 'UTF-8(BOM付き)'],
  ['cp932', 'Shift_JIS'],
];

/**
 * The choice of the CSV's encoding (controlled). A change forgets the last check: it spoke of the other encoding.
 * `className` styles the fieldset (the app's framed `radio-group` unless the screen lays it out otherwise).
 */
export function CsvEncodingChoice({
  value,
  onChange,
  sjis,
  className = 'radio-group',
}: {
  value: CsvEncoding;
  onChange: (encoding: CsvEncoding) => void;
  sjis: ShiftJisCheck;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={className}>
      <legend>CSV の文字コード</legend>
      {encodingLabels.map(([encoding, label]) => (
        <label key={encoding} className="radio">
          <input
            type="radio"
            name={`${id}-encoding`}
            value={encoding}
            checked={value === encoding}
            onChange={() => {
              onChange(encoding);
              sjis.reset();
            }}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** How many characters the warning names before it says ほか. */
const describedAtMost = 5;

/**
 * What Shift_JIS could not hold, and the confirmation that 〓 may take their place (shown only while it is needed).
 * `describe` names one character in the warning (the first few, then ほか); without it the warning gives the count.
 * `note` ends the warning; `details` is shown under it, e.g. a table of every character found.
 */
export function ShiftJisSubstitutionConfirm({
  sjis,
  describe,
  note,
  details,
}: {
  sjis: ShiftJisCheck;
  describe?: (character: ExportUnencodable) => string;
  note?: string;
  details?: (report: UnencodableReport) => ReactNode;
}) {
  const { check } = sjis;
  if (!sjis.needsConfirmation || check.state !== 'checked') return null;
  const described = describe ? check.unencodable.slice(0, describedAtMost) : [];
  const list = describe ? `(${described.map(describe).join('、')}${check.count > described.length ? ' ほか' : ''})` : '';
  return (
    <>
      <div role="alert" className="alert alert--warning">
        <p>
          {`Shift_JIS で表せない文字が ${check.count.toLocaleString('ja-JP')} 箇所あります${list}。出力すると「〓」に置き換わります。`}
          {note ?? ''}
        </p>
      </div>
      {details ? details({ count: check.count, unencodable: check.unencodable }) : null}
      <label className="checkbox checkbox--confirm">
        <input type="checkbox" checked={sjis.acceptsSubstitution} onChange={(e) => sjis.setAcceptsSubstitution(e.target.checked)} />
        上記の文字が「〓」に置き換わることを確認しました
      </label>
    </>
  );
}
