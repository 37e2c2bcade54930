/**
 * Where buyers' birthdays come from. The platform's order API carries no birthday, so the shop's own
 * customer records (or the sandbox shop's buyers) stand behind this port.
 */
export interface BuyerProfile {
  nick: string;
  /** YYYY-MM-DD from the profile. */
  birthday?: string | null;
  /** 18-digit resident ID number. */
  idNumber?: string | null;
  overseas?: boolean;
}

export interface BuyerDirectory {
  profiles(): Iterable<BuyerProfile>;
}

/** The sandbox shop's buyers (src/platform/sandbox: `shop.buyers()`). */
export function sandboxBuyerDirectory(shop: { buyers(): readonly BuyerProfile[] }): BuyerDirectory {
  return {
    *profiles() {
      for (const b of shop.buyers())
        yield {
          nick: b.nick,
          birthday: b.birthday ?? null,
          idNumber: b.idNumber ?? null,
          overseas: b.overseas ?? false,
        };
    },
  };
}
