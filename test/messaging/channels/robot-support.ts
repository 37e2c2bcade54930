/** Fake DingTalk and WeCom webhooks (nock) recording each request's query and JSON body. */
import { readFileSync } from 'node:fs';
import nock from 'nock';

export const DINGTALK_ORIGIN = 'http://oapi.dingtalk.test';
export const WECOM_ORIGIN = 'http://qyapi.weixin.test';

export function robotFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/robots/${name}`, import.meta.url), 'utf8');
}

export function fakeRobot(origin: string, path: string, handler: (index: number) => string) {
  const requests: { query: URLSearchParams; body: Record<string, unknown> }[] = [];
  const scope = nock(origin)
    .persist()
    .post((uri) => uri.startsWith(path))
    .reply(function (uri, body) {
      requests.push({ query: new URL(uri, origin).searchParams, body: body as Record<string, unknown> });
      return [200, handler(requests.length - 1), { 'Content-Type': 'application/json' }];
    });
  return { requests, scope };
}
