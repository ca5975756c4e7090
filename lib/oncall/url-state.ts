import { createParser, createSerializer } from "nuqs/server";
import { ONCALL_DEFAULTS, oncallParams } from "./params";

const asUrlParser = <T>(kind: { parse(raw: string): T | null; serialize(value: T): string }) =>
  createParser<T>({ parse: kind.parse, serialize: kind.serialize });

/**
 * The on-call parameters as nuqs parsers for the page. A value the API would refuse reads as the
 * default here, so a mistyped link still shows a working screen (and the API call stays valid).
 */
export const oncallUrlParsers = {
  waitSlo: asUrlParser(oncallParams.waitSlo).withDefault(ONCALL_DEFAULTS.waitSlo),
  runSlo: asUrlParser(oncallParams.runSlo).withDefault(ONCALL_DEFAULTS.runSlo),
  refresh: asUrlParser(oncallParams.refresh).withDefault(ONCALL_DEFAULTS.refresh),
  growth: asUrlParser(oncallParams.growth).withDefault(ONCALL_DEFAULTS.growth),
  failRate: asUrlParser(oncallParams.failRate).withDefault(ONCALL_DEFAULTS.failRate),
  stall: asUrlParser(oncallParams.stall).withDefault(ONCALL_DEFAULTS.stall),
  subAppId: asUrlParser(oncallParams.subAppId),
};

/** The API's query string for the page's state; defaults are left out, as in the page URL. */
export const serializeOncallQuery = createSerializer(oncallUrlParsers);
