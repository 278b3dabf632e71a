// One module per area; each exports a flat table whose keys start with the area's name.
export { common } from "./common";
export { panel } from "./panel";
export { stats } from "./stats";
export { playlists } from "./playlists";
export { collection } from "./collection";
export { album } from "./album";
export { artist } from "./artist";
export { journal } from "./journal";
export { timeline } from "./timeline";
export { cards } from "./cards";
