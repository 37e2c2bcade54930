/**
 * Where buyers' birthdays come from. The platform's order API carries none, and no resident ID number either: the
 * shop keeps what buyers tell it on their profiles (src/buyers), which stand behind this port. A profile holds the
 * birth date only; an ID number given in chat was turned into it, checked and masked, when it was recorded.
 */
export interface BuyerProfile {
  nick: string;
  /** YYYY-MM-DD from the profile. */
  birthday: string | null;
  /** Typed by staff, or read from an ID number when it was recorded. */
  source?: 'staff' | 'id_number';
}

export interface BuyerDirectory {
  profiles(): Iterable<BuyerProfile>;
}
