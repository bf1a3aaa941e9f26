/**
 * Outgoing mail through the municipality's own SMTP relay (SMTP_URL, SMTP_FROM). Without SMTP_URL nothing is
 * sent and no connection is opened (security.md 1: no outbound calls the municipality did not configure).
 * Mail carries only what a notification says — counts and deadlines, never sheet contents.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export type MailMessage = { to: string; subject: string; text: string };
/** The relay's answer for one message; `error` is kept with the notification (never shown to its recipient). */
export type MailOutcome = { ok: true } | { ok: false; error: string };

type MailConfig = Pick<Config, 'SMTP_URL' | 'SMTP_FROM'>;

/** Is a relay configured? Callers decide from this whether to mark notifications for mailing at all. */
export function isMailEnabled(config: MailConfig): boolean {
  return config.SMTP_URL !== undefined && config.SMTP_FROM !== undefined;
}

/** An error message for the notification row: one line, no longer than the column is useful for. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'unknown error';
}

/**
 * Sends the messages over a small pool of connections and answers each one's outcome in order; a refused or
 * failed delivery is an outcome, not an exception. Answers null (and connects to nothing) when SMTP is not
 * configured.
 */
export async function sendMails(config: MailConfig, messages: readonly MailMessage[]): Promise<MailOutcome[] | null> {
  if (!isMailEnabled(config) || config.SMTP_URL === undefined) return null;
  if (messages.length === 0) return [];
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    pool: true,
    maxConnections: 2,
    // A relay on the office network answers at once; a dead one must not hold the request for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    return await Promise.all(
      messages.map(async (message): Promise<MailOutcome> => {
        try {
          await transport.sendMail({
            from: config.SMTP_FROM,
            to: message.to,
            subject: message.subject,
            text: message.text,
            // RFC 3834: an automatic message, so that out-of-office replies do not answer it.
            headers: { 'Auto-Submitted': 'auto-generated' },
          });
          return { ok: true };
        } catch (error) {
          return { ok: false, error: describe(error) };
        }
      }),
    );
  } finally {
    transport.close();
  }
}
