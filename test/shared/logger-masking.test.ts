import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { maskAccount, maskAddress, maskIdNumber, maskName, maskPhone, maskText } from '../../src/shared/mask.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { logger: createLogger({ level: 'info', destination: destination as never }), lines };
}

/** The line once the logger has handed it to the stream. */
async function written(lines: string[]): Promise<string> {
  await vi.waitFor(() => expect(lines).not.toHaveLength(0));
  return lines.join('');
}

describe('personal data in logs', () => {
  it('when a log line carries a receiver object and a message with a phone, then both come out masked', async () => {
    const { logger, lines } = capture();
    logger.info(
      {
        receiver: { name: '李莉莉', mobile: '13812345678', address: '浙江省杭州市西湖区文三路90号' },
        account: 'xt.example@163.com',
        idNumber: '110105199001011234',
      },
      '已电话 13812345678 联系买家',
    );
    const line = await written(lines);
    expect(line).not.toContain('13812345678');
    expect(line).not.toContain('李莉莉');
    expect(line).not.toContain('文三路90号');
    expect(line).not.toContain('xt.example@163.com');
    expect(line).not.toContain('110105199001011234');
    expect(line).toContain('138****5678');
    expect(line).toContain('李**');
  });

  it('when a mobile arrives as a number (a numeric import column), then it is masked too, and ordinary numbers are kept', async () => {
    const { logger, lines } = capture();
    logger.info({ row: { mobile: 13812345678, contact: 15900001111, amountFen: 12_800, count: 3 } }, 'statement row');
    const line = await written(lines);
    expect(line).not.toContain('13812345678');
    expect(line).not.toContain('15900001111');
    expect(line).toContain('138****5678');
    expect(line).toContain('"amountFen":12800');
    expect(line).toContain('"count":3');
  });

  it('when free text holds an ID number, a bank card, a mobile and an e-mail, then each is masked and other digits are kept', () => {
    const text =
      '身份证110105199001011234 卡号6222 0212 3456 7890 128 手机+86 13912345678 邮箱li.lili@example.com 订单4137654321098765432';
    const masked = maskText(text);
    expect(masked).toContain('110*************34');
    expect(masked).toContain('6222 **** **** 0128');
    expect(masked).toContain('139****5678');
    expect(masked).toContain('li***@example.com');
    expect(masked).not.toMatch(/13912345678|li\.lili@/);
    // An order number is not personal data (and fails the card check digit): kept for the log reader.
    expect(masked).toContain('4137654321098765432');
  });

  it('when a structured log line names a tid and a waybill, then they stay readable', async () => {
    const { logger, lines } = capture();
    logger.info({ tid: '6222021234567890123', waybill: 'SF1167001911', phone: '13812345678' }, 'tracked');
    const line = await written(lines);
    expect(line).toContain('"tid":"6222021234567890123"');
    expect(line).toContain('"waybill":"SF1167001911"');
    expect(line).toContain('138****5678');
  });

  it('when single fields are masked, then the shapes the shop expects come out', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    // A number abroad keeps its country code, never reads as a mainland mobile (819****5678).
    expect(maskPhone('+81 9012345678')).toBe('+81 ****5678');
    expect(maskPhone('+65 91234567')).toBe('+65 ****67');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskAddress('浙江省杭州市西湖区文三路90号')).toBe('浙江省杭州市******');
    expect(maskIdNumber('11010519900101123X')).toBe('110*************3X');
    expect(maskAccount('6222021234567890123')).toBe('6222 **** **** 0123');
    expect(maskAccount('13812345678')).toBe('138****5678');
  });

  it('when a decrypted receiver or the platform’s decrypt answer reaches a log line, then nothing of it is readable', async () => {
    const { logger, lines } = capture();
    const plain = { name: '王小明', mobile: '13912345678', phone: '0571-88886666', detail: '文一西路969号3幢2单元501' };
    logger.warn(
      {
        tid: '4137654321098765432',
        // The port's DecryptedReceiver, as a careless caller might log it.
        decrypted: [
          { tid: '4137654321098765432', name: plain.name, mobile: plain.mobile, addressDetail: plain.detail },
        ],
        // taobao.top.oaid.decrypt's own answer, as an HTTP error's body might carry it.
        body: {
          receiver_list: {
            receiver: [
              { name: plain.name, address_detail: plain.detail, mobile: '17012340000-0457', phone: plain.phone },
            ],
          },
        },
        // A transfer order's buyer as the keeper typed her.
        transfer: { buyerName: plain.name, address: '江苏省南京市玄武区中山路1号8栋' },
      },
      'decrypt answer',
    );
    const line = await written(lines);
    for (const v of [plain.name, plain.mobile, plain.detail, '17012340000', '中山路1号8栋', '88886666'])
      expect(line, v).not.toContain(v);
    expect(line).toContain('"tid":"4137654321098765432"');
    expect(JSON.parse(line)).toMatchObject({ decrypted: '[redacted]', body: { receiver_list: '[redacted]' } });
  });
});
