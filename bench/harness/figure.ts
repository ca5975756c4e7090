import type { FigureRow } from "./report";

export interface FigureContext {
  quick: boolean;
  log(line: string): void;
}

/** One figure of the suite (or one area with several rows that share their setup). */
export interface Figure {
  id: string;
  title: string;
  run(ctx: FigureContext): Promise<FigureRow[]>;
}
