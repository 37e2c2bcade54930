import { Writable } from 'node:stream';
import express, { Router } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { errorMiddleware, fieldLabels, toHttpError } from '../../src/http/error-middleware.js';
import { topErrorFrom } from '../../src/platform/taobao/top-errors.js';
import {
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../src/shared/errors.js';
import { createLogger } from '../../src/shared/logger.js';
import { englishWords } from '../support/english-words.js';

describe('error → HTTP answer, one table', () => {
  const cases: [string, Error, number, Record<string, unknown>][] = [
    [
      'a validation error with field and params',
      new ValidationError({
        message: '第3行第2列（金额）的“abc”不是金额',
        code: 'amount_not_number',
        field: 'file',
        params: { line: 3, column: 2 },
        detail: 'line 3: not an amount',
      }),
      400,
      {
        code: 'amount_not_number',
        message: '第3行第2列（金额）的“abc”不是金额',
        field: 'file',
        params: { line: 3, column: 2 },
      },
    ],
    [
      'a positional validation error',
      new ValidationError('请填写原因', 'reason'),
      400,
      { code: 'invalid', message: '请填写原因', field: 'reason' },
    ],
    [
      'no session',
      new AuthenticationError(),
      401,
      { code: 'unauthenticated', message: '未登录或登录已过期，请重新登录' },
    ],
    ['a role that may not', new ForbiddenError(), 403, { code: 'forbidden', message: '你的账号没有这个操作的权限' }],
    [
      'nothing there',
      new NotFoundError({ message: '没有找到订单 123', code: 'order_not_found', params: { tid: '123' } }),
      404,
      { code: 'order_not_found', params: { tid: '123' } },
    ],
    [
      'a state conflict',
      new ConflictError('这笔汇款已取消', 'transfer_not_open'),
      409,
      { code: 'transfer_not_open', message: '这笔汇款已取消' },
    ],
    [
      'a zod error no router labelled',
      z.object({ tid: z.string() }).safeParse({}).error!,
      400,
      { code: 'field_required', message: '请填写订单号', field: 'tid' },
    ],
    [
      'an outside fault worth retrying',
      new UpstreamError({
        upstream: 'kuaidi100',
        code: 'kuaidi100_500',
        message: 'kuaidi100 server error 500: boom',
        retriable: true,
      }),
      503,
      {
        code: 'kuaidi100_500',
        message: '快递100暂时无法访问，请稍后再试',
        params: { upstream: 'kuaidi100', retriable: true },
      },
    ],
    [
      'an outside refusal',
      new UpstreamError({
        upstream: 'aliyun-sms',
        code: 'http_400',
        message: 'aliyun-sms: HTTP 400 without a code',
        retriable: false,
      }),
      502,
      { code: 'http_400', message: '阿里云短信拒绝了这次操作，请稍后再试或联系管理员' },
    ],
    [
      'an expired shop session',
      topErrorFrom({ code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey', sub_msg: 'SessionKey非法' }),
      502,
      { code: 'top_session_invalid', message: '店铺授权缺失或已过期，请管理员重新授权店铺' },
    ],
    [
      'a platform refusal in its own Chinese words',
      topErrorFrom({ code: 15, msg: 'Remote service error', sub_code: 'isv.trade-not-exist', sub_msg: '交易不存在' }),
      502,
      {
        code: 'top_business_error',
        message: '淘宝平台拒绝了这次操作：交易不存在',
        params: { upstream: 'taobao', retriable: false, upstreamMessage: '交易不存在' },
      },
    ],
    [
      'a bug',
      new TypeError("Cannot read properties of undefined (reading 'tid')"),
      500,
      { code: 'internal', message: '服务器出错了，请稍后再试' },
    ],
  ];

  it.each(cases)(
    'when %s is thrown, then the status and the body are as the table says, in Chinese only',
    (_name, err, status, expected) => {
      const answer = toHttpError(err);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toMatchObject(expected);
      expect(Object.keys(answer.body)).toEqual(['error']);
      expect(Object.keys(answer.body.error).every((k) => ['code', 'message', 'field', 'params'].includes(k))).toBe(
        true,
      );
      expect(englishWords(answer.body.error.message, answer.body.error.params)).toEqual([]);
    },
  );

  it('when a 500 answers, then it names nothing of the bug', () => {
    expect(JSON.stringify(toHttpError(new TypeError('secret internals at /srv/x.ts')).body)).not.toMatch(/secret|srv/);
  });
});

function app(router: Router) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const a = express();
  a.use(express.json());
  a.use('/api', router);
  a.use(errorMiddleware(createLogger({ level: 'info', destination: destination as never })));
  return { app: a, lines };
}

describe('the error middleware in an app', () => {
  it('when a route throws a refusal with an English detail, then the answer has the Chinese message and the log has the detail', async () => {
    const r = Router();
    r.post('/x', () => {
      throw new ValidationError({
        message: '文件为空',
        code: 'file_empty',
        field: 'file',
        detail: 'the uploaded file has 0 bytes',
      });
    });
    const { app: a, lines } = app(r);
    const res = await request(a).post('/api/x').send({}).expect(400);
    expect(res.body).toEqual({ error: { code: 'file_empty', message: '文件为空', field: 'file' } });
    expect(JSON.stringify(res.body)).not.toContain('bytes');
    await vi.waitFor(() => expect(lines.join('')).toContain('the uploaded file has 0 bytes'));
  });

  it('when a router labels its fields, then its zod errors name them in Chinese; an unlabelled router falls back to the common names', async () => {
    const body = z.object({
      buyerNick: z.string().min(1),
      priceFen: z.number().int().min(1),
      payWay: z.enum(['bank', 'alipay']),
    });
    const labelled = Router();
    labelled.post('/x', (req, res) => {
      res.json(body.parse(req.body));
    });
    labelled.use(
      fieldLabels({
        priceFen: { label: '单价', yuan: true },
        payWay: { label: '付款方式', values: { bank: '银行转账', alipay: '支付宝' } },
      }),
    );
    const res = await request(app(labelled).app)
      .post('/api/x')
      .send({ buyerNick: '', priceFen: '5', payWay: 'cash' })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_fields', field: 'buyerNick' });
    expect(res.body.error.message).toBe(
      '有3处需要修改：请填写买家昵称；单价：请输入数字，例如 12.50；付款方式只能是：银行转账、支付宝',
    );

    const plain = Router();
    plain.post('/x', (req, res) => {
      res.json(body.parse(req.body));
    });
    const bare = await request(app(plain).app)
      .post('/api/x')
      .send({ buyerNick: 'a', priceFen: 5, payWay: 'cash' })
      .expect(400);
    expect(bare.body.error).toEqual({
      code: 'field_not_allowed',
      message: '填写的内容不是可以选择的值',
      field: 'payWay',
      params: { allowed: ['bank', 'alipay'] },
    });
  });

  it('when the body is not JSON, then the answer is a Chinese 400', async () => {
    const res = await request(app(Router()).app)
      .post('/api/x')
      .set('content-type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(englishWords(res.body.error.message)).toEqual([]);
  });
});
