/**
 * The one Handlebars environment templates compile in, with our helpers registered once.
 * Isolated from the global Handlebars so nothing else can add helpers or partials to it.
 * Prototype access stays at the Handlebars defaults (denied); never allowProtoPropertiesByDefault.
 */
import Handlebars from 'handlebars';
import { formatYuan, formatYuanFixed } from '../../shared/money.js';
import { maskOnce, maskPhone } from '../../shared/mask.js';
import { formatShanghaiDate, parseInstant, shanghaiParts } from '../../shared/time.js';
import { courierName } from './display-names.js';

/** A value nobody supplied: renders as a visible 【请填写：…】 so staff cannot miss it, and helpers pass it through. */
export class MissingValue {
  readonly label: string;
  private readonly shown: string;
  /** `shown` differs only for previews, which show every variable as 【label】. */
  constructor(label: string, shown = `【请填写：${label}】`) {
    this.label = label;
    this.shown = shown;
  }
  toString(): string {
    return this.shown;
  }
}

type HelperFn = (...args: unknown[]) => string;

/** The helper gets Handlebars' options object last; `hash` holds name="value" arguments. */
function hashOf(args: unknown[]): Record<string, unknown> {
  const options = args[args.length - 1] as { hash?: Record<string, unknown> } | undefined;
  return options?.hash ?? {};
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** Text that is not an instant (a fallback like 前几天, or staff input) is shown as written. */
function toEpoch(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  try {
    return parseInstant(v);
  } catch {
    return undefined;
  }
}

/** Formats a time value, or returns text that is not one unchanged. */
function timeHelper(format: (epoch: number, hash: Record<string, unknown>) => string): HelperFn {
  return valueHelper((v, hash) => {
    const t = toEpoch(v);
    return t === undefined ? String(v) : format(t, hash);
  });
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Wraps a helper: a missing value shows its placeholder, an empty one renders nothing. */
function valueHelper(fn: (value: unknown, hash: Record<string, unknown>) => string): HelperFn {
  return (...args) => {
    const value = args.length > 1 ? args[0] : undefined;
    if (value instanceof MissingValue) return value.toString();
    if (isBlank(value)) return '';
    return fn(value, hashOf(args));
  };
}

export const HELPERS: Record<string, HelperFn> = {
  /** fen → '¥12.50'; style="yuan" → '12.5元' (no trailing zeros, as shops write it in chat). */
  money: valueHelper((v, hash) => {
    // Staff-typed text ('12.5元') or a fallback is shown as written; only integer fen is formatted.
    if (typeof v === 'string' && !/^-?\d+$/.test(v.trim())) return v;
    const fen = Number(v);
    if (!Number.isSafeInteger(fen)) throw new RangeError(`money expects integer fen, got ${JSON.stringify(v)}`);
    return hash['style'] === 'yuan' ? `${formatYuan(fen)}元` : `¥${formatYuanFixed(fen)}`;
  }),
  /** Shanghai calendar date: '11月23日', or tokens YYYY/MM/DD via format="YYYY-MM-DD". */
  date: timeHelper((t, hash) => {
    if (typeof hash['format'] === 'string') return formatShanghaiDate(t, hash['format']);
    const p = shanghaiParts(t);
    return `${p.month}月${p.day}日`;
  }),
  time: timeHelper((t) => {
    const p = shanghaiParts(t);
    return `${p2(p.hour)}:${p2(p.minute)}`;
  }),
  datetime: timeHelper((t) => {
    const p = shanghaiParts(t);
    return `${p.month}月${p.day}日 ${p2(p.hour)}:${p2(p.minute)}`;
  }),
  /** buyer → '王女士' when the shop knows name and gender, else the shop's warm default 亲. Text passes through. */
  honorific: (...args) => {
    const v = args.length > 1 ? args[0] : undefined;
    if (v instanceof MissingValue) return v.toString();
    if (typeof v === 'string' && v.trim() !== '') return v;
    const name =
      v && typeof v === 'object' && Object.hasOwn(v, 'honorificName')
        ? (v as { honorificName?: unknown }).honorificName
        : undefined;
    return typeof name === 'string' && name !== '' ? name : '亲';
  },
  /** A phone (already masked or not) or a buyer view → '138****5678'. */
  maskedPhone: valueHelper((v) => {
    if (typeof v === 'object' && Object.hasOwn(v as object, 'maskedPhone'))
      return String((v as { maskedPhone: unknown }).maskedPhone ?? '');
    const text = String(v);
    return maskOnce(text, maskPhone);
  }),
  /** parcel → '顺丰速运 SF1234567890': the text a buyer pastes into any tracking page. */
  waybill: valueHelper((v) => {
    if (typeof v !== 'object') return String(v);
    const p = v as { companyName?: unknown; company?: unknown; waybill?: unknown };
    const company =
      typeof p.companyName === 'string' ? p.companyName : typeof p.company === 'string' ? courierName(p.company) : '';
    return [company, typeof p.waybill === 'string' ? p.waybill : ''].filter(Boolean).join(' ');
  }),
};

/** Block helpers Handlebars ships with that templates may use; `lookup`/`log` are left out on purpose. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with'] as const;

export const KNOWN_HELPERS: ReadonlySet<string> = new Set([...Object.keys(HELPERS), ...BUILTIN_HELPERS]);

/** All our channels are plain text: no HTML escaping, and only known helpers compile. */
export const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  knownHelpersOnly: true,
  // lookup reads a property by a computed name and log writes to the console: neither belongs in a message.
  knownHelpers: { ...Object.fromEntries([...KNOWN_HELPERS].map((h) => [h, true])), lookup: false, log: false },
  strict: false,
};

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
export type TemplateEnvironment = typeof Handlebars;

export function createTemplateEnvironment(): TemplateEnvironment {
  const env = Handlebars.create();
  env.unregisterHelper('lookup');
  env.unregisterHelper('log');
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  return env;
}
