import { inParallel } from './figures';

/** Signs every account in over HTTP, 4 at a time, and returns each one's session cookie (`name=value`). */
export async function sessionCookies(url: string, people: readonly { username: string; password: string }[]): Promise<string[]> {
  const cookies: string[] = [];
  await inParallel(people, 4, async (person, i) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: person.username, password: person.password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${person.username} answered ${res.status}`);
    cookies[i] = res.headers.getSetCookie()[0]!.split(';')[0]!;
  });
  return cookies;
}
