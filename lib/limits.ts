// How much traffic the API lets through and how much Lambda concurrency the open
// (unauthenticated) functions may take, so one anonymous client cannot starve the
// staff routes or the lab. All of it is CDK context (bin/app.ts), with defaults
// for a district's hotels: a few hundred staff, a handful of labs.

export interface ApiThrottle {
  /** Steady requests per second (API Gateway's token bucket refill rate). */
  rateLimit: number;
  burstLimit: number;
}

export interface TrafficLimits {
  /** The $default stage's route default: every staff and admin route. */
  stage: ApiThrottle;
  /** Each public route (`/`, `/assets/{file}`, `/verify/*`, `/documents/*`); at most the stage's. */
  public: ApiThrottle;
  /** The lab webhook (`POST /lab/results`); at most the stage's. */
  lab: ApiThrottle;
  /**
   * The account's Lambda concurrency quota in the region (1000 by default; new
   * accounts can start far lower). Lambda keeps 100 of it unreserved, so the
   * reservations below must fit in the rest.
   */
  accountConcurrency: number;
  /** Reserved concurrency of each public function (a cap under a flood, and a floor for real holders). */
  publicConcurrency: number;
  /** Reserved concurrency of the lab webhook's function. */
  labConcurrency: number;
  /** false on an account whose quota leaves nothing to reserve: only the route throttles then apply. */
  reserveConcurrency: boolean;
}

export const DEFAULT_LIMITS: TrafficLimits = {
  stage: { rateLimit: 50, burstLimit: 100 },
  public: { rateLimit: 10, burstLimit: 20 },
  lab: { rateLimit: 5, burstLimit: 10 },
  accountConcurrency: 1000,
  publicConcurrency: 10,
  labConcurrency: 10,
  reserveConcurrency: true,
};

/** Lambda refuses a reservation that leaves less than this unreserved in the account. */
export const UNRESERVED_MINIMUM = 100;

const CONTEXT_HELP = 'context -c throttle=RATE/BURST, publicThrottle=, labThrottle=, accountConcurrency=, publicConcurrency=, labConcurrency=, reserveConcurrency=false';

function positiveInt(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${String(value)}"`);
  return n;
}

/** `50/100` (rate/burst) from context; an object {rateLimit, burstLimit} from a cdk.json. */
export function parseThrottle(name: string, value: unknown): ApiThrottle {
  if (value && typeof value === 'object') {
    const v = value as Partial<ApiThrottle>;
    return { rateLimit: positiveInt(`${name}.rateLimit`, v.rateLimit), burstLimit: positiveInt(`${name}.burstLimit`, v.burstLimit) };
  }
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(value));
  if (!m) throw new Error(`${name} must be RATE/BURST in requests per second, e.g. 10/20, not "${String(value)}"`);
  return { rateLimit: positiveInt(`${name} rate`, m[1]), burstLimit: positiveInt(`${name} burst`, m[2]) };
}

/** Limits from CDK context values (undefined: the default). */
export function limitsFromContext(get: (key: string) => unknown): TrafficLimits {
  const d = DEFAULT_LIMITS;
  const throttle = (key: string, fallback: ApiThrottle) => (get(key) === undefined ? fallback : parseThrottle(key, get(key)));
  const int = (key: string, fallback: number) => (get(key) === undefined ? fallback : positiveInt(key, get(key)));
  const reserve = get('reserveConcurrency');
  if (reserve !== undefined && !['true', 'false', true, false].includes(reserve as string | boolean)) {
    throw new Error(`reserveConcurrency must be true or false, not "${String(reserve)}"`);
  }
  return {
    stage: throttle('throttle', d.stage),
    public: throttle('publicThrottle', d.public),
    lab: throttle('labThrottle', d.lab),
    accountConcurrency: int('accountConcurrency', d.accountConcurrency),
    publicConcurrency: int('publicConcurrency', d.publicConcurrency),
    labConcurrency: int('labConcurrency', d.labConcurrency),
    reserveConcurrency: reserve === undefined ? d.reserveConcurrency : reserve === true || reserve === 'true',
  };
}

/** Fails the synth, not the deployment, when the limits contradict each other or the account. */
export function checkLimits(limits: TrafficLimits, reservations: readonly number[]): void {
  for (const [name, t] of [['publicThrottle', limits.public], ['labThrottle', limits.lab]] as const) {
    if (t.rateLimit > limits.stage.rateLimit || t.burstLimit > limits.stage.burstLimit) {
      throw new Error(`${name} ${t.rateLimit}/${t.burstLimit} must stay below the stage default ${limits.stage.rateLimit}/${limits.stage.burstLimit}`);
    }
  }
  if (!limits.reserveConcurrency) return;
  const reserved = reservations.reduce((a, b) => a + b, 0);
  const available = limits.accountConcurrency - UNRESERVED_MINIMUM;
  if (reserved > available) {
    throw new Error(
      `The open functions reserve ${reserved} concurrent executions, but an account quota of ${limits.accountConcurrency} leaves only ${Math.max(0, available)} ` +
        `after the ${UNRESERVED_MINIMUM} Lambda keeps unreserved. Raise the quota (Service Quotas, "Concurrent executions") and pass accountConcurrency, ` +
        `lower publicConcurrency/labConcurrency, or pass reserveConcurrency=false (${CONTEXT_HELP}).`,
    );
  }
}
