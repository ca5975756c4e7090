import type { OncallState } from "@/lib/oncall/types";

/**
 * Colours of the states: solid blocks readable from across a room, each pair at least 4.5:1
 * (white on emerald-700 and red-700, black on amber-400), and a word beside every colour so
 * the state never rests on colour alone.
 */
export const STATE_STYLE: Record<OncallState, { block: string; text: string; word: string }> = {
  green: { block: "bg-emerald-700 text-white", text: "text-emerald-300", word: "All clear" },
  amber: { block: "bg-amber-400 text-black", text: "text-amber-300", word: "Warning" },
  red: { block: "bg-red-700 text-white", text: "text-red-300", word: "Alert" },
};

export const STALE_STYLE = { block: "bg-red-700 text-white", word: "Stale" };
