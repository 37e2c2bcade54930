/**
 * /api/transfers. Staff create orders and record claims and see them with the buyer's personal data masked; the
 * keeper imports statements, confirms, unmatches, ships, cancels and exports; the sales supervisor (admin) marks
 * the register reviewed. The role table (accounts/permissions.ts) says so, and is what is checked.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../../http/index.js';
import { TooLargeError, ValidationError } from '../../shared/errors.js';
import { BANK_LAYOUTS, MAX_STATEMENT_BYTES, validateProfile } from '../statement/index.js';
import type { TransfersService } from './transfers-facade.js';
import { auditView, transferView } from './transfer-view.js';
import { STATE_LABELS, TRANSFER_STATES } from './transfer-types.js';

const BANKS = [...new Set(BANK_LAYOUTS.flatMap((l) => [l.id, l.bank]))] as [string, ...string[]];
const listQuery = z.object({ state: z.enum(TRANSFER_STATES as [string, ...string[]]).optional() });
const registerQuery = z.object({
  date: z.string('date 必填 (YYYY-MM-DD)'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
const importFields = z.object({ bank: z.enum(BANKS).optional(), profile: z.string().optional() });
/** The keeper's words for this router's query and form fields, in its error messages. */
const LABELS = {
  state: { label: '汇款状态', values: STATE_LABELS },
  bank: {
    label: '银行',
    values: Object.fromEntries(
      BANK_LAYOUTS.flatMap((l) => [
        [l.id, l.name],
        [l.bank, l.name.split(' ')[0]!],
      ]),
    ),
  },
  format: { label: '导出格式', values: { json: '网页', csv: 'CSV', xlsx: 'XLSX' } },
};
const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

// The form's other fields (bank, a mapping profile's JSON) are small: a profile is a few hundred bytes.
const FORM_FIELD_BYTES = 64 * 1024;
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 10, fieldSize: FORM_FIELD_BYTES },
}).single('file');

function tooLarge(declared: number | null): TooLargeError {
  const maxMegabytes = MAX_STATEMENT_BYTES / 1048576;
  return new TooLargeError({
    message: `对账单文件不能超过 ${maxMegabytes} MB。网银导出的对账单远小于这个大小，请确认选的是对账单文件`,
    code: 'file_too_large',
    field: 'file',
    params: { maxMegabytes },
    detail: `statement upload over ${MAX_STATEMENT_BYTES} bytes${declared === null ? '' : ` (request declares ${declared})`}`,
  });
}

/**
 * A request that declares more than the limit allows is refused before a byte of it is parsed; one that does
 * not say (chunked) is cut off by multer the moment the file passes the limit. Other multer errors (a second
 * file, a huge field) are the keeper's input problems: 400 naming the file.
 */
function receiveFile(req: Request, res: Response, next: NextFunction): void {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_STATEMENT_BYTES + 2 * FORM_FIELD_BYTES) {
    // Read and drop the body, so the client that is still sending gets the answer instead of a reset connection.
    req.resume();
    return next(tooLarge(declared));
  }
  upload(req, res, (err: unknown) => {
    if (!err) return next();
    const e = err as { code?: string; message?: string };
    next(
      e.code === 'LIMIT_FILE_SIZE'
        ? tooLarge(null)
        : new ValidationError({
            message: '上传失败，请只选择一个对账单文件后重试',
            code: 'upload_refused',
            field: 'file',
            detail: `upload refused: ${e.message ?? e.code}`,
          }),
    );
  });
}

export function transfersRouter(service: TransfersService): Router {
  const r = Router();
  // Who may call each route is the role table's (accounts/permissions.ts), checked before any of these run.
  const id = (req: Request) => String(req.params.id);
  const view = (req: Request) => (t: Parameters<typeof transferView>[0]) => transferView(t, currentUser(req).role);

  r.post('/', async (req, res) => {
    res.status(201).json({ transfer: view(req)(await service.create(req.body, currentUser(req))) });
  });
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    res.json({ transfers: service.list(q.state ? { state: q.state as never } : {}).map(view(req)) });
  });

  r.post('/statements', receiveFile, async (req, res) => {
    const file = req.file;
    if (!file)
      throw new ValidationError({
        message: '请选择要上传的对账单文件',
        code: 'file_missing',
        field: 'file',
        detail: 'the statement file (field "file") is missing',
      });
    const f = importFields.parse(req.body ?? {});
    let profile;
    if (f.profile) {
      try {
        profile = validateProfile(JSON.parse(f.profile));
      } catch (err) {
        if (err instanceof ValidationError) throw err;
        throw new ValidationError({
          message: '映射配置无法读取，请重新填写',
          code: 'profile_not_json',
          field: 'profile',
          detail: 'profile is not JSON',
        });
      }
    }
    const summary = await service.importStatement(file.buffer, file.originalname, {
      user: currentUser(req),
      ...(f.bank ? { bank: f.bank as never } : {}),
      ...(profile ? { profile } : {}),
    });
    res.status(201).json(summary);
  });
  r.get('/queue', (_req, res) => {
    res.json({ queue: service.queue() });
  });
  r.post('/rows/:identity/reject', async (req, res) => {
    res.json({ row: await service.reject(String(req.params.identity), req.body, currentUser(req)) });
  });
  r.get('/shipping', (req, res) => {
    const date = z.object({ date: z.string() }).parse(req.query).date;
    res.json(service.shippingList(date));
  });
  r.get('/duplicates', (_req, res) => {
    res.json({ duplicates: service.duplicateTrades() });
  });
  r.get('/register', async (req, res) => {
    const q = registerQuery.parse(req.query);
    if (q.format === 'json') {
      res.json(service.dailyRegister(q.date));
      return;
    }
    const file = await service.registerExport(q.date, q.format);
    res.setHeader('Content-Type', CONTENT_TYPE[q.format]);
    res.setHeader('Content-Disposition', `attachment; filename="transfer-register-${q.date}.${q.format}"`);
    res.send(file);
  });
  // The sales supervisor reviews the register; admin is the role that stands for the supervisor.
  r.post('/register/:date/reviewed', async (req, res) => {
    res.json(await service.markReviewed(String(req.params.date), currentUser(req)));
  });

  r.get('/:id', (req, res) => {
    const { transfer, audit } = service.get(id(req));
    res.json({ transfer: view(req)(transfer), audit: auditView(audit, currentUser(req).role) });
  });
  r.post('/:id/claims', async (req, res) => {
    res.status(201).json({ transfer: view(req)(await service.claim(id(req), req.body, currentUser(req))) });
  });
  r.post('/:id/cancel', async (req, res) => {
    res.json({ transfer: await service.cancel(id(req), String(req.body?.reason ?? ''), currentUser(req)) });
  });
  r.post('/:id/confirm', async (req, res) => {
    res.json(await service.confirm(id(req), req.body, currentUser(req)));
  });
  r.post('/:id/unmatch', async (req, res) => {
    res.json({ transfer: await service.unmatch(id(req), req.body, currentUser(req)) });
  });
  r.post('/:id/ship', async (req, res) => {
    res.json(await service.ship(id(req), req.body, currentUser(req)));
  });
  r.post('/:id/duplicates/:tid/close', async (req, res) => {
    res.json(await service.closeDuplicate(id(req), String(req.params.tid), currentUser(req)));
  });
  r.use(fieldLabels(LABELS));
  return r;
}
