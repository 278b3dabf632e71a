// The artist page's own pieces: a round portrait and album tiles.
import { css } from "lit";

export const artistStyles = css`
  aime-cover.portrait,
  .placeholder.round {
    border-radius: 50%;
    overflow: hidden;
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 14px;
    grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .tile-link {
    display: flex;
    flex-direction: column;
    gap: 6px;
    color: var(--primary-text-color);
    border-radius: 6px;
  }
  .tile-link aime-cover {
    transition: transform 0.15s;
  }
  .tile-link:hover {
    text-decoration: none;
  }
  .tile-link:hover aime-cover {
    transform: scale(1.02);
  }
  .tile-link:hover .tile-title {
    text-decoration: underline;
  }
  .tile-title {
    font-weight: 500;
  }
  .tile-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  @media (max-width: 600px) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .tile-link aime-cover {
      transition: none;
    }
  }
`;
