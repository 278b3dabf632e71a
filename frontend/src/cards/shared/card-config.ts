// What the cards' options are made of: each option's superstruct struct with the sentence a wrong value
// gets. `setConfig` throws that sentence, translated, and the dashboard shows it in an error card.
import {
  boolean,
  enums,
  integer,
  nullable,
  optional,
  pattern,
  size,
  string,
  type as looseObject,
  validate,
  type Struct,
} from "superstruct";
import { localize, type Vars } from "../../i18n";
import type { HomeAssistant, LovelaceCardConfig } from "../../types";

export interface CardOption {
  struct: Struct<unknown, unknown>;
  /** The i18n key of the sentence a wrong value gets, filled with `option` and `vars`. */
  error: string;
  vars?: Vars;
}

export interface CountBounds {
  min: number;
  max: number;
  default: number;
}

const option = <T>(struct: Struct<T, unknown>, error: string, vars?: Vars): CardOption => ({
  struct: struct as Struct<unknown, unknown>,
  error,
  vars,
});

export const titleOption = (): CardOption => option(nullable(string()), "cards.invalid.title");
export const switchOption = (): CardOption => option(boolean(), "cards.invalid.boolean");
export const countOption = ({ min, max }: CountBounds): CardOption =>
  option(size(integer(), min, max), "cards.invalid.count", { min, max });
/** A person of Home Assistant (`person.alice`): the card shows that person's plays only. */
export const personOption = (): CardOption => option(pattern(string(), /^person\.[a-z0-9_]+$/), "cards.invalid.person");
export const choiceOption = (choices: readonly string[]): CardOption =>
  option(enums(choices), "cards.invalid.choice", { choices: choices.join(", ") });

/** A card's config struct: every option optional, and other keys (type, grid options…) let through. */
export const cardConfigStruct = (options: Record<string, CardOption>) =>
  looseObject(Object.fromEntries(Object.entries(options).map(([name, rule]) => [name, optional(rule.struct)])));

/** Home Assistant's `hass` from the page, for a translated error before the card is given its own. */
export function pageHass(): HomeAssistant | undefined {
  return (document.querySelector("home-assistant") as (Element & { hass?: HomeAssistant }) | null)?.hass;
}

/** The checked config with every absent option at its default; throws the translated sentence otherwise. */
export function checkCardConfig<Config extends LovelaceCardConfig>(
  hass: HomeAssistant | undefined,
  raw: unknown,
  options: Record<string, CardOption>,
  defaults: Partial<Config>,
): Config {
  const invalid = (key: string, vars: Vars = {}) => new Error(localize(hass ?? pageHass(), key, vars));
  if (Array.isArray(raw)) throw invalid("cards.invalid.config");
  const [failure, config] = validate(raw, cardConfigStruct(options));
  if (failure) {
    const name = String(failure.path[0] ?? "");
    const rule = options[name];
    throw rule ? invalid(rule.error, { option: name, ...rule.vars }) : invalid("cards.invalid.config");
  }
  const checked = config as LovelaceCardConfig;
  const filled = Object.entries(defaults).map(([name, fallback]) => [name, checked[name] ?? fallback]);
  return { ...checked, ...Object.fromEntries(filled) } as Config;
}
