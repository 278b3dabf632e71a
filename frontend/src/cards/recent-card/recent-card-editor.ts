// The recent-plays card's visual editor, loaded when the dashboard opens it (`getConfigElement`).
import { define } from "../../define";
import { AimeCardEditor, PERSON_FIELD, type HaFormField } from "../shared/card-editor";
import { RECENT_CARD_EDITOR_NAME } from "./const";
import { RECENT_COUNT, checkRecentConfig, type RecentCardConfig } from "./recent-card-config";

export const recentCardSchema = (): HaFormField[] => [
  { name: "title", selector: { text: {} } },
  { name: "count", selector: { number: { min: RECENT_COUNT.min, max: RECENT_COUNT.max, mode: "box" } } },
  { name: "show_now_playing", selector: { boolean: {} } },
  PERSON_FIELD,
];

export class AimeRecentCardEditor extends AimeCardEditor<RecentCardConfig> {
  protected readonly testId = RECENT_CARD_EDITOR_NAME;
  protected readonly check = checkRecentConfig;
  protected readonly schema = recentCardSchema;
}

define(RECENT_CARD_EDITOR_NAME, AimeRecentCardEditor);
