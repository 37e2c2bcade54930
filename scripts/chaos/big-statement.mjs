// A BOC-layout export as large as the caller asks (just under the upload limit, for the load tests and the chaos
// suite): every row a credit from a different payer, balances running on so the file passes the balance check,
// all UTF-8. One generator for both, so the suite and the tests time the same file.
export function bigStatement(maxBytes) {
  const lines = ['记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行'];
  let size = Buffer.byteLength(lines[0]) + 1;
  let balanceFen = 10_000_000;
  const yuan = (f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
  const p2 = (n) => String(n).padStart(2, '0');
  for (let i = 0; ; i++) {
    const fen = 10_000 + (i % 90_000);
    balanceFen += fen;
    const line =
      `2026-11-${p2(1 + (i % 28))},${p2(Math.floor(i / 3600) % 24)}:${p2(Math.floor(i / 60) % 60)}:${p2(i % 60)},人民币,${yuan(fen)},` +
      `${yuan(balanceFen)},转账,网银,,货款${i},付款人${i},6222000000${String(i).padStart(8, '0')},中国银行`;
    const bytes = Buffer.byteLength(line) + 1;
    if (size + bytes > maxBytes)
      return { name: 'boc-big.csv', bytes: Buffer.from(`${lines.join('\n')}\n`), credits: lines.length - 1 };
    lines.push(line);
    size += bytes;
  }
}
