// The people whose plays AIME tells apart (`aime/people`): persons of Home Assistant assigned to a
// source (a Last.fm account, a Roon zone, a player) or having plays. Plays of no one belong to the
// household, counted with everyone's.
import type { HomeAssistant } from "../types";
import { callCommand } from "./commands";

export interface Person {
  /** A `person.*` entity id. */
  entity_id: string;
  name: string;
  picture: string | null;
}

const PERSON_ID = /^person\.[a-z0-9_]+$/;

/** Whether `value` looks like a person's entity id (a hand-edited link may hold anything). */
export const isPersonId = (value: unknown): value is string => typeof value === "string" && PERSON_ID.test(value);

/** The people, sorted by name; none from a hub that predates them (the picker then hides). */
export async function fetchPeople(hass: HomeAssistant): Promise<Person[]> {
  try {
    return (await callCommand<{ people: Person[] }>(hass, "aime/people")).people;
  } catch (error) {
    if ((error as { code?: unknown } | undefined)?.code === "unknown_command") return [];
    throw error;
  }
}

/** A person's initials ("Jean-Luc Picard" → "JP"), shown when there is no picture. */
export function initials(name: string): string {
  const words = name.trim().split(/[\s-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? "").join("");
}
