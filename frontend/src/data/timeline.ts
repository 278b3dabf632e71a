// One day's plays hour by hour (`aime/timeline`).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";
import type { JournalEntry } from "./journal";

export interface TimelineHour {
  start: string;
  hour: number;
  plays: JournalEntry[];
}

export interface Timeline {
  day: string;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
  hours: TimelineHour[];
}

export const fetchTimeline = (hass: HomeAssistant, day?: string, person?: string) =>
  callCommand<Timeline>(hass, "aime/timeline", defined({ day, person }));
