import { Option } from 'commander';
import { createApiClient, type ServiceTarget, type XiaoerApi } from './api-client.js';
import { credentialsPath, storedSession } from './credentials.js';

/**
 * A chosen instance (`--server URL`, or XIAOER_SERVER): the CLI talks to it over HTTP with the token its own
 * `xiaoer login` stored, so it acts as the person who logged in — never through the data folder's lock, never by
 * starting a service here. Any instance of a shop answers the same, since they share one database.
 */

/** "https://Host:8443/" → "https://host:8443": one spelling per server, the key of the credentials file. */
export function serverUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host || url.search || url.hash)
    throw new Error(`--server 要写成小二服务的网址，如 https://主机:端口，收到的是 "${text}"`);
  if (url.username || url.password)
    throw new Error('--server 的网址里不要写账号和密码：账号用 --user，密码由 xiaoer login 询问。');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const loginCommandFor = (server: string) => `xiaoer login --server ${server}`;

/** Who answers, named by its URL in every message about it. */
export function serverTarget(server: string): Omit<ServiceTarget, 'token'> {
  const name = `小二服务（${server}）`;
  return {
    baseUrl: server,
    name,
    unreachable: `连不上${name}：请检查网址和端口是否写对、那台电脑上的服务是否在运行、网络是否通`,
  };
}

/** The API of a chosen server, as the person who logged in to it from here. */
export async function serverApi(server: string): Promise<XiaoerApi> {
  const session = await storedSession(server);
  if (!session)
    throw new Error(
      `这台电脑还没有登录 ${server}：请先登录，运行 ${loginCommandFor(server)}（登录信息存放在 ${credentialsPath()}）`,
    );
  return createApiClient({
    ...serverTarget(server),
    token: session.token,
    unauthenticated:
      `在 ${server} 的登录已失效（过期了，或已在别处退出）：请重新登录，运行 ${loginCommandFor(server)}` +
      (session.username ? ` --user ${session.username}` : ''),
  });
}

/** `--server URL`, also read from XIAOER_SERVER so a staff computer can name its instance once. */
export function serverOption(description: string): Option {
  return new Option('--server <网址>', description).env('XIAOER_SERVER');
}
