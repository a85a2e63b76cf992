/**
 * Keeps each client's extended-protocol batch (Parse, Bind, Describe, Execute ... Sync) whole on
 * PGlite's one session. pglite-socket 0.2.17 queues frontend messages one by one and keeps a
 * client's turn only while a transaction is open, so two clients' batches interleave and one's
 * Parse replaces the other's unnamed statement before its Bind: wrong parameters or wrong rows
 * (electric-sql/pglite#1046; seen here as "malformed array literal" inside graphile-worker).
 * Its queue already keeps a client's turn while `isInTransaction()` is true; this view of the
 * database also says true between a batch's first message and its Sync.
 */
import type { PGlite } from "@electric-sql/pglite";

/** Frontend message types that end a batch: the backend answers ReadyForQuery after them. */
const BATCH_ENDS = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));
/** Frontend message types of the extended protocol before its Sync. */
const IN_BATCH = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

/** The members of PGlite the socket server uses, over `db`, with batches kept whole. */
export function wholeBatches(db: PGlite): PGlite {
  let midBatch = false;
  const view = {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => midBatch || db.isInTransaction(),
    runExclusive: <T>(work: () => Promise<T>) => db.runExclusive(work),
    // The server's ROLLBACK for a client that vanished mid-batch also ends the batch.
    exec: (query: string) => {
      midBatch = false;
      return db.exec(query);
    },
    execProtocolRawStream: (
      message: Uint8Array,
      options: Parameters<PGlite["execProtocolRawStream"]>[1],
    ) => {
      const type = message[0] ?? 0;
      if (IN_BATCH.has(type)) midBatch = true;
      else if (BATCH_ENDS.has(type)) midBatch = false;
      return db.execProtocolRawStream(message, options);
    },
  };
  return view as unknown as PGlite;
}
