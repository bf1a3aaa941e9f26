import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isMailEnabled, sendMails } from './mailer.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

let smtp: SmtpTestServer;
const from = 'jinzai@example.lg.jp';

beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('sendMails', () => {
  it('delivers to the relay with a Japanese subject and body, from SMTP_FROM, marked as automatic', async () => {
    const before = smtp.received.length;
    const outcomes = await sendMails({ SMTP_URL: smtp.url, SMTP_FROM: from }, [
      { to: 'taro@example.lg.jp', subject: '【督促】後期業績評価の目標の提出', text: '目標の提出がまだ済んでいません。\n期限は令和7年11月10日です。' },
      { to: 'hanako@example.lg.jp', subject: 'お知らせ', text: '本文' },
    ]);
    expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(2);
    const taro = mails.find((m) => m.to.includes('taro@example.lg.jp'))!;
    expect(taro.from).toBe(from);
    expect(taro.subject).toBe('【督促】後期業績評価の目標の提出');
    expect(taro.text).toContain('期限は令和7年11月10日です。');
    expect(taro.raw).toMatch(/^Auto-Submitted: auto-generated/im);
  });

  it('answers a refused recipient as a failed outcome (with the reason) and still sends the others', async () => {
    const outcomes = (await sendMails({ SMTP_URL: smtp.url, SMTP_FROM: from }, [
      { to: 'reject-me@example.lg.jp', subject: '件名', text: '本文' },
      { to: 'ok@example.lg.jp', subject: '件名', text: '本文' },
    ]))!;
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0]!.ok ? '' : outcomes[0]!.error).toMatch(/550|unavailable|Recipient/i);
    expect(outcomes[1]).toEqual({ ok: true });
  });

  it('answers an unreachable relay as failed outcomes instead of throwing', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcomes = await sendMails({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: from }, [{ to: 'a@example.lg.jp', subject: 's', text: 't' }]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes![0]!.ok).toBe(false);
  });

  it('without SMTP_URL sends nothing and opens no connection at all', async () => {
    const connect = vi.spyOn(net, 'connect');
    const createConnection = vi.spyOn(net, 'createConnection');
    const tlsConnect = vi.spyOn(tls, 'connect');
    const connectionsBefore = smtp.connections();
    expect(isMailEnabled({ SMTP_URL: undefined, SMTP_FROM: undefined })).toBe(false);
    expect(await sendMails({ SMTP_URL: undefined, SMTP_FROM: undefined }, [{ to: 'a@example.lg.jp', subject: 's', text: 't' }])).toBeNull();
    expect(connect).not.toHaveBeenCalled();
    expect(createConnection).not.toHaveBeenCalled();
    expect(tlsConnect).not.toHaveBeenCalled();
    expect(smtp.connections()).toBe(connectionsBefore);
  });

  it('the spies used above do see a real delivery (so their silence means something)', async () => {
    const connect = vi.spyOn(net, 'connect');
    await sendMails({ SMTP_URL: smtp.url, SMTP_FROM: from }, [{ to: 'spy@example.lg.jp', subject: 's', text: 't' }]);
    expect(connect).toHaveBeenCalled();
  });
});
