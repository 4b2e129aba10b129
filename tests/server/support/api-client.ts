// A small HTTP client for tests: real fetch against the running server, keeping the session cookie and the
// CSRF token the way the web app does.
// Response bodies are checked by the tests' own assertions, field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  /** The session cookie as sent back (`motcua_session=...`); copy it to act as the same browser. */
  cookie?: string;
  csrfToken?: string;

  constructor(
    private readonly base: () => string,
    private readonly lang?: string,
  ) {}

  async login(username: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.lang) headers['accept-language'] = this.lang;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.base()}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. a static file)
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}
