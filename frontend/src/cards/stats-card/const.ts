// The stats card's element names (`custom:aime-stats-card` in a dashboard).
export const STATS_CARD_NAME = "aime-stats-card";
export const STATS_CARD_EDITOR_NAME = "aime-stats-card-editor";
