// Fault injection, set through POST /__emulator/faults, so clients can be tested against a
// misbehaving upstream. A POST replaces the whole set: `{}` clears everything.
import { z } from "zod";

export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    errorRate: z.number().min(0).max(1).default(0),
    errorCode: z.string().regex(/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/).default("InternalError"),
    malformedRate: z.number().min(0).max(1).default(0),
    outage: z.boolean().default(false),
    stallProcessing: z.boolean().default(false),
    /** The share of tasks finishing from now on that fail (DescribeTaskDetail says so), with `taskErrorCode`. */
    taskFailureRate: z.number().min(0).max(1).default(0),
    taskErrorCode: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/).default("InjectedFailure"),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: Faults = faultsSchema.parse({});

/** Bodies a broken gateway might send with HTTP 200: not JSON at all, or JSON of the wrong shape. */
export const MALFORMED_BODIES = [
  "<html><body><h1>502 Bad Gateway</h1></body></html>",
  '{"Response":',
  '{"unexpected":true}',
];

export function errorMessageFor(code: string): string {
  return `Injected fault: ${code}.`;
}

export function injectedFailureMessage(code: string): string {
  return `Injected task failure: ${code}.`;
}
