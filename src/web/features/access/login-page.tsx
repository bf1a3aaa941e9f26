/** /login: 職員番号 and パスワード. The error never says which of the two was wrong. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { usePageTitle } from '../../components/page.js';
import { useLogin } from './access.queries.js';
import './access.css';

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'auth.invalid-credentials' || error.status === 401 || error.status === 400) {
      return '職員番号またはパスワードが正しくありません。';
    }
    return error.message;
  }
  return 'ログインできませんでした。もう一度お試しください。';
}

export function LoginPage() {
  usePageTitle('ログイン');
  const navigate = useNavigate();
  const login = useLogin();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [isMissing, setIsMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!loginId.trim() || !password) {
      setIsMissing(true);
      return;
    }
    setIsMissing(false);
    login.mutate({ loginId: loginId.trim(), password }, { onSuccess: () => navigate('/', { replace: true }) });
  };

  return (
    <div className="login-layout">
      <header className="login-layout__brand">
        <p className="login-layout__name">Jinzai</p>
        <p className="login-layout__sub">人材育成・確保システム</p>
      </header>
      <main id="main" className="login-card">
        <h1>ログイン</h1>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-id">職員番号</label>
            <input
              id="login-id"
              name="username"
              autoComplete="username"
              inputMode="text"
              required
              aria-required="true"
              value={loginId}
              onChange={(e) => setLoginId(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">パスワード</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-required="true"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div aria-live="assertive" className="login-card__message">
            {isMissing ? (
              <div role="alert" className="alert alert--error">
                <p>職員番号とパスワードを入力してください。</p>
              </div>
            ) : login.isError ? (
              <div role="alert" className="alert alert--error">
                <p>{loginErrorMessage(login.error)}</p>
              </div>
            ) : null}
          </div>
          <button type="submit" className="button--primary button--wide" disabled={login.isPending}>
            {login.isPending ? 'ログイン中…' : 'ログイン'}
          </button>
        </form>
        <p className="hint">パスワードを忘れた場合は、職員課(システム管理者)に再設定を依頼してください。</p>
      </main>
    </div>
  );
}
