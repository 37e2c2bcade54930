/**
 * CSV that opens cleanly in Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting. Digit strings of 11+
 * characters (order numbers, phones, card numbers) are written as ="…" so Excel keeps them as text
 * instead of rounding them; a cell that starts like a formula gets a leading apostrophe, so a buyer
 * nick can never run in Excel. `numeric` columns (amounts) are left as they are.
 */
export function excelCsv(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): Buffer {
  const cell = (value: string, column: number): string => {
    let v = value;
    if (!numeric.includes(column) && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    if (/^\d{11,}$/.test(v)) v = `="${v}"`;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const text = [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
