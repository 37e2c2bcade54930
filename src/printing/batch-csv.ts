/**
 * The warehouse's pick list of a batch, for Excel on Chinese Windows (excel-csv.ts: BOM, CRLF, quoting, long order
 * numbers kept as text, a cell that starts like a formula defused): one row per line of every order to print or
 * printed, by courier as the page shows them. Held and gone orders are left out: they must not be packed.
 *
 * It carries no receiver: the label is printed by the platform's waybill service, which decrypts the receiver itself
 * (issue 18), and the warehouse packs by order number. The memo and the buyer's message are free text that may hold
 * a phone or an ID number someone typed; those leave masked (shared/mask.ts maskText), like every export.
 */
import { courierName } from '../logistics/index.js';
import { excelCsv } from '../shared/excel-csv.js';
import { maskText } from '../shared/mask.js';
import type { BatchView } from './batch-service.js';
import { CSV_HEADERS, NO_COURIER_LABEL } from './print-labels.js';

const QUANTITY_COLUMN = CSV_HEADERS.indexOf('数量');

export function batchCsv(batch: BatchView): Buffer {
  const rows: string[][] = [];
  for (const group of batch.groups) {
    const courier = group.courier ? (courierName(group.courier) ?? group.courier) : NO_COURIER_LABEL;
    for (const o of group.orders) {
      if (o.state !== 'to_print' && o.state !== 'printed') continue;
      for (const l of o.lines)
        rows.push([
          o.tid,
          courier,
          l.outerIid,
          l.title,
          l.colour,
          l.size,
          String(l.num),
          maskText(o.sellerMemo),
          maskText(o.buyerMessage),
        ]);
    }
  }
  return excelCsv(CSV_HEADERS, rows, [QUANTITY_COLUMN]);
}
