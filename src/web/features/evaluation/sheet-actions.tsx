/**
 * How the sheet screen sends actions: one runner per page that posts one or more actions in a row (a save, then
 * the submission it precedes), each with the version just read and a request key made once per click, refuses a
 * second click while the first is under way, and says how it went: done (announced once for the page), refused (the
 * server's Japanese message beside the form that sent it) or stale (someone else changed the sheet: reload).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api-client.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert } from '../../components/page.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import { sheetActionLabels, type SheetAction, type SheetActionType } from '../../../domain/evaluation/sheet-workflow.js';
import { randomId, useSheetAction } from './sheets.queries.js';

type Outcome = { form: string; kind: 'done'; message: string } | { form: string; kind: 'failed'; error: unknown };

export type SheetRunner = {
  view: SheetView;
  /** an action is under way: every action button is disabled */
  isBusy: boolean;
  /** may the reader attempt this action now (the server's allowedActions)? */
  can: (type: SheetActionType) => boolean;
  /**
   * Sends `actions` in order for the form `form`; stops at the first refusal. `onDone` runs after the last one
   * succeeded. Ignored while another run is under way (a double click sends nothing twice).
   */
  run: (form: string, actions: SheetAction[], onDone?: () => void) => void;
  outcome: Outcome | null;
  /** forget the outcome and read the sheet again (after a conflict) */
  reload: () => void;
  /** forget the outcome (the reader closed the message) */
  dismiss: () => void;
};

export function useSheetRunner(view: SheetView, refetch: () => void): SheetRunner {
  const mutation = useSheetAction(view.id);
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inFlight = useRef(false);
  const { mutateAsync } = mutation;

  const run = useCallback(
    (form: string, actions: SheetAction[], onDone?: () => void) => {
      if (inFlight.current || actions.length === 0) return;
      inFlight.current = true;
      setBusy(true);
      setOutcome(null);
      // One key per action of this click: a retry of the same request is recognised by the server.
      const keyed = actions.map((action) => ({ action, requestKey: randomId() }));
      void (async () => {
        let version = view.version;
        try {
          for (const { action, requestKey } of keyed) {
            const next = await mutateAsync({ version, requestKey, action });
            version = next.version;
          }
          const last = keyed[keyed.length - 1]?.action.type;
          setOutcome({ form, kind: 'done', message: last ? `「${sheetActionLabels[last]}」を行いました。` : '' });
          onDone?.();
        } catch (error) {
          setOutcome({ form, kind: 'failed', error });
        } finally {
          inFlight.current = false;
          setBusy(false);
        }
      })();
    },
    [mutateAsync, view.version],
  );

  const allowed = view.allowedActions;
  const can = useCallback((type: SheetActionType) => allowed.includes(type), [allowed]);
  const reload = useCallback(() => {
    setOutcome(null);
    mutation.reset();
    refetch();
  }, [mutation, refetch]);

  const dismiss = useCallback(() => setOutcome(null), []);

  return { view, isBusy, can, run, outcome, reload, dismiss };
}

/** A stale version (409 common.conflict): someone else changed the sheet since it was read. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'common.conflict';
}

/** Field names of the action bodies in people's words (the route validates `action` before the workflow does). */
const fieldLabels: Record<string, string> = {
  title: '内容・名称',
  target: '目標水準・指標',
  dueOn: '期限',
  weight: 'ウエイト',
  difficulty: '難易度',
  teamGoalId: 'チーム目標',
  comment: 'コメント',
  reason: '理由',
  notes: '記録・内容',
  heldOn: '実施日',
  text: '相談内容',
  kind: '区分',
  startedOn: '開始日',
  endedOn: '終了日',
  hours: '時間数',
  note: '備考',
  overallGrade: '総合評価',
  grade: '評語',
  revisedGrade: '修正後の評語',
  outcome: '処理の結果',
};

/** 'action.goals.1.weight' → '目標2のウエイト'; 'action.records.0.endedOn' → '記録1の終了日'. */
function labelOfPath(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'action' && p !== 'interview' && p !== 'assessment' && p !== 'adjustment');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if ((part === 'goals' || part === 'proposedGoals') && next !== undefined && /^\d+$/.test(next)) {
      words.push(`目標${Number(next) + 1}`);
      i += 1;
    } else if (part === 'records' && next !== undefined && /^\d+$/.test(next)) {
      words.push(`記録${Number(next) + 1}`);
      i += 1;
    } else if (part === 'entries' && next !== undefined) {
      i += 1;
    } else if (fieldLabels[part]) {
      words.push(fieldLabels[part]);
    }
  }
  return words.join('の');
}

/**
 * A refusal of the last action sent from `form`, beside that form: the server's message, or the stale-version
 * notice with a reload button. (Success is announced once for the page: the form may be gone after a step.)
 */
export function ActionFeedback({ runner, form }: { runner: SheetRunner; form: string }) {
  const outcome = runner.outcome?.form === form ? runner.outcome : null;
  const error = outcome?.kind === 'failed' ? outcome.error : null;
  if (error === null) return null;
  if (isConflict(error)) return <ConflictAlert subject="評価シート" onReload={runner.reload} />;
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors.length > 0) return <FieldErrorSummary errors={fieldErrors} labelOf={labelOfPath} title="処理できませんでした。次の項目を確認してください。" />;
  return (
    <ErrorAlert error={error} title="処理できませんでした。">
      {error instanceof ApiError && error.status === 409 ? (
        // The sheet moved on (another step was taken, or it was closed): the screen is out of date.
        <button type="button" className="button--secondary" onClick={runner.reload}>
          最新の評価シートを読み込む
        </button>
      ) : null}
    </ErrorAlert>
  );
}

/**
 * The page's announcement of a done action: always rendered (so that a new message is read out), kept in view at
 * the bottom of the window, and focused when the button that was pressed went away with the step it took.
 */
export function ActionStatus({ runner }: { runner: SheetRunner }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const message = runner.outcome?.kind === 'done' ? runner.outcome.message : '';
  useEffect(() => {
    if (message && (document.activeElement === null || document.activeElement === document.body)) ref.current?.focus();
  }, [message, runner.outcome]);
  return (
    <div className={message ? 'sheet-toast' : 'sheet-toast sheet-toast--empty'}>
      <p ref={ref} role="status" tabIndex={-1} className="sheet-toast__message">
        {message}
      </p>
      {message ? (
        <button type="button" className="button--secondary button--small" onClick={runner.dismiss}>
          閉じる
        </button>
      ) : null}
    </div>
  );
}

/** A button for one action, labelled as the workflow names it (sheetActionLabels) unless told otherwise. */
export function ActionButton({
  runner,
  type,
  onClick,
  variant = 'primary',
  children,
}: {
  runner: SheetRunner;
  type: SheetActionType;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: ReactNode;
}) {
  if (!runner.can(type)) return null;
  return (
    <button type="button" className={`button--${variant}`} disabled={runner.isBusy} onClick={onClick}>
      {children ?? sheetActionLabels[type]}
    </button>
  );
}
