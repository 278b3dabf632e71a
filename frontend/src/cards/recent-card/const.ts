// The recent-plays card's element names (`custom:aime-recent-card` in a dashboard).
export const RECENT_CARD_NAME = "aime-recent-card";
export const RECENT_CARD_EDITOR_NAME = "aime-recent-card-editor";
