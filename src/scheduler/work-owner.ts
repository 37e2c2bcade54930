/**
 * Work that must have one owner across instances (the order sync, the platform's message channel): the run
 * coordinator lets each time slot run once, but some work must also stay on ONE instance — two consumers of one
 * message group split its messages between them, and the order sync rests on the channel being connected on the
 * instance that runs it. With one process (lowdb) that instance is this one: the local owner below always owns.
 * With several instances on PostgreSQL a session advisory lock picks one (src/storage/postgres/work-owner.ts).
 */

export interface WorkOwner {
  /** What is owned ('orders'): instances asking for the same name compete for it. */
  readonly name: string;
  /** True while this instance owns the work; it may turn false at any moment (the database connection dropped). */
  owns(): boolean;
  /** Starts competing for the work (idempotent). */
  start(): void;
  /** Gives the work up (another instance takes it over) and stops competing. */
  stop(): Promise<void>;
  /** Told every time ownership is taken or lost; returns the unsubscribe. */
  onChange(listener: (owned: boolean) => void): () => void;
}

/** Builds the owner of a name: the composition root picks the local one or the PostgreSQL one. */
export type WorkOwnerFactory = (name: string) => WorkOwner;

/** One process: nobody else can hold the work, so it is always owned and never changes hands. */
export const createLocalWorkOwner: WorkOwnerFactory = (name) => ({
  name,
  owns: () => true,
  start: () => undefined,
  stop: async () => undefined,
  onChange: () => () => undefined,
});
