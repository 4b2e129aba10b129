// A demo officer's API session that survives the chaos: signs in again when the session or its CSRF token is
// refused (401/403), and one sign-in serves every request waiting on it.
import { ApiClient, type ApiResponse } from '../../tests/server/support/api-client';

export class SignedIn {
  private readonly client: ApiClient;
  private signingIn?: Promise<void>;

  constructor(
    readonly username: string,
    private readonly password: string,
    url: string,
  ) {
    this.client = new ApiClient(() => url);
  }

  private signIn(): Promise<void> {
    this.signingIn ??= (async () => {
      try {
        const response = await this.client.login(this.username, this.password);
        if (response.status !== 200) throw new Error(`${this.username}: sign-in answered ${response.status}`);
      } finally {
        this.signingIn = undefined;
      }
    })();
    return this.signingIn;
  }

  /** One request; throws when the API cannot be reached (down, restarting). */
  async request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    if (!this.client.csrfToken) await this.signIn();
    let response = await this.client.request(method, path, body);
    if (response.status === 401 || response.status === 403) {
      await this.signIn();
      response = await this.client.request(method, path, body);
    }
    return response;
  }
}
