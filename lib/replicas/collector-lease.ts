import pg from "pg";
import { logEvent } from "@/lib/log";
import { CHANGES_CHANNEL } from "@/lib/store/change-feed";
import type { LeaseTerm } from "@/lib/store/task-store";

/** The advisory lock the collector holds, as two int4 keys: "vod" and the collector's lock. */
const LOCK = [0x766f64, 1] as const;

/** After a connection is (re)made, followers read back this far: what was notified meanwhile went unheard. */
const RECONNECT_LOOKBACK_MS = 60_000;

/** Followers whose viewers look say so here, so that the collector keeps those apps' mirrors syncing. */
const WATCHING_CHANNEL = "vod_watching";

export type ReplicaRole = "collector" | "follower";

export interface LeaseOptions {
  url: string;
  /** This replica's id, written beside the lock for the others to read. */
  id: string;
  /** How often a follower tries the lock, and the collector checks its connection (its heartbeat). */
  retryMs?: number;
  /**
   * The server ends the lease's session when no query came for this long (`idle_session_timeout`),
   * which frees the lock of a collector that is frozen or whose host vanished; the collector itself
   * stops collecting a second before, unless a heartbeat got through meanwhile.
   */
  sessionTimeoutMs?: number;
  /** Whether this replica can collect now: one whose task store is not open would read upstream for nothing. */
  mayCollect?: () => boolean;
  onRole?: (role: ReplicaRole) => void;
  /**
   * A write to the store committed (LISTEN/NOTIFY), from any replica, whose rows carry this write
   * time; after a (re)connection, a time before which nothing can have been missed.
   */
  onChange?: (stampMs: number) => void;
  /** Viewers of another replica are looking at these apps (see announceWatching). */
  onWatching?: (apps: string[]) => void;
}

/** The collector stops collecting this long before the server would end its silent session. */
const SELF_FENCE_MARGIN_MS = 1_000;

/**
 * One replica collects at a time: the one holding a session-level advisory lock on a connection
 * of its own. The lease dies with that connection, so a collector that is killed, or loses the
 * store, stops being one at once for Postgres; the next follower to try the lock takes over. The
 * session must also stay busy: the server ends it after `sessionTimeoutMs` without a query
 * (`idle_session_timeout`), so a collector that is frozen (SIGSTOP, a suspended VM) or whose host
 * vanished loses the lock within that time, while a live one keeps it with a query every `retryMs`
 * (the heartbeat). A collector counts itself one only while its last heartbeat was sent less than
 * `sessionTimeoutMs` minus a second ago, so one that wakes up after the server ended its session is a
 * follower at once, before it hears of it. The same connection LISTENs for the store's writes, and
 * reads who holds the lock now.
 */
export class CollectorLease {
  /** The replica holding the lock as last seen; null when none does (or the store is away). */
  collector: string | null = null;
  private client?: pg.Client;
  private timer?: ReturnType<typeof setInterval>;
  private busy = false;
  private readonly retryMs: number;
  private readonly sessionTimeoutMs: number;
  /** While this replica holds the lock: since when (as written to vod_leases), and when its last heartbeat was sent. */
  private held?: { since: number; heartbeatSentAt: number };

  constructor(private readonly options: LeaseOptions) {
    this.retryMs = options.retryMs ?? 2_000;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 8_000;
  }

  /** Collector only while the lock is held and its session cannot have been ended for silence yet. */
  get role(): ReplicaRole {
    return this.held && this.fresh(this.held.heartbeatSentAt) ? "collector" : "follower";
  }

  /** The lease as written to vod_leases while this replica collects: sync marks are written under it only. */
  term(): LeaseTerm | undefined {
    return this.role === "collector" ? { holder: this.options.id, since: this.held!.since } : undefined;
  }

  private fresh(sentAt: number): boolean {
    return Date.now() - sentAt < this.sessionTimeoutMs - SELF_FENCE_MARGIN_MS;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.retryMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const client = this.client;
    this.client = undefined;
    this.demote();
    await client?.end().catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    let client = this.client;
    try {
      // Woken after a freeze, say: the server may have ended the session already, and another replica collect.
      if (this.held && !this.fresh(this.held.heartbeatSentAt)) throw new Error("the lease's heartbeat is overdue");
      client ??= await this.connect();
      if (this.held && this.options.mayCollect?.() === false) throw new Error("the task store is not open here");
      if (!this.held && this.options.mayCollect?.() !== false) {
        const sentAt = Date.now();
        const [{ got }] = (await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [...LOCK])).rows;
        if (got) await this.promote(client, sentAt);
      }
      // Asked of the collector too, as its heartbeat: a connection that no longer answers (query_timeout) ends its lease here.
      const sentAt = Date.now();
      this.collector = await this.holder(client);
      if (this.held && this.collector !== this.options.id) throw new Error("the lease is held by another replica");
      if (this.held) this.held.heartbeatSentAt = sentAt;
    } catch (error) {
      if (client) this.lost(client, error);
    } finally {
      this.busy = false;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000, keepAlive: true, query_timeout: 5_000 });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection closed")));
    client.on("notification", (message) => {
      if (message.channel === WATCHING_CHANNEL) {
        this.options.onWatching?.((message.payload ?? "").split(","));
        return;
      }
      const stamp = Number(message.payload);
      if (Number.isFinite(stamp)) this.options.onChange?.(stamp);
    });
    try {
      await client.connect();
      // The server probes a silent peer's TCP (a host that vanished without a FIN is noticed within about 11 s),
      // and gives up on data it sent that is not acknowledged within 10 s.
      await client.query("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 10000");
      // A session without a query for this long is ended, and its lock freed: a frozen collector's TCP stays up.
      await client.query(`SET idle_session_timeout = ${Math.round(this.sessionTimeoutMs)}`).catch((error: unknown) => {
        // Postgres before 14: only the keepalives above free a lost collector's lock, and not a frozen one's.
        logEvent("warn", "the store's Postgres has no idle_session_timeout (14 or later has)", { error: error instanceof Error ? error.message : String(error) });
      });
      await client.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${WATCHING_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    // Writes notified while no connection listened are read back from a minute before.
    this.options.onChange?.(Date.now() - RECONNECT_LOOKBACK_MS);
    return client;
  }

  /** Tells the collector that viewers here look at these apps; nothing when not connected. */
  announceWatching(apps: readonly string[]): void {
    this.client?.query("SELECT pg_notify($1, $2)", [WATCHING_CHANNEL, apps.join(",")]).catch(() => undefined);
  }

  /**
   * Writes this replica beside the lock. The row is also the sync marks' fence: a write of marks
   * under another term (a collector that froze and woke up) finds it changed, and one in flight
   * holds it FOR SHARE, so this update waits for that write to commit before the new term begins.
   */
  private async promote(client: pg.Client, sentAt: number): Promise<void> {
    const since = Date.now();
    await client.query(
      `INSERT INTO vod_leases (name, holder, backend_pid, since) VALUES ('collector', $1, pg_backend_pid(), $2)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, backend_pid = excluded.backend_pid, since = excluded.since`,
      [this.options.id, since]);
    this.held = { since, heartbeatSentAt: sentAt };
    logEvent("info", "replica is the collector", { replica: this.options.id });
    this.options.onRole?.("collector");
  }

  /** The holder written beside the lock, if the server process that wrote it still holds the lock. */
  private async holder(client: pg.Client): Promise<string | null> {
    const { rows } = await client.query<{ holder: string }>(
      `SELECT l.holder FROM vod_leases l JOIN pg_locks k ON k.pid = l.backend_pid
        WHERE l.name = 'collector' AND k.locktype = 'advisory' AND k.granted AND k.classid = $1 AND k.objid = $2 AND k.objsubid = 2
          AND k.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [...LOCK]);
    return rows[0]?.holder ?? null;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client && this.client !== undefined) return;
    if (this.client === client) {
      this.client = undefined;
      logEvent("warn", "replica lost its store connection; reconnecting", { replica: this.options.id, error: error instanceof Error ? error.message : String(error) });
    }
    this.collector = null;
    this.demote();
    void client.end().catch(() => undefined);
  }

  private demote(): void {
    if (!this.held) return;
    this.held = undefined;
    logEvent("warn", "replica is no longer the collector", { replica: this.options.id });
    this.options.onRole?.("follower");
  }
}
