// What both dashboard cards look like, on top of the panel's shared styles; theme colours only.
import { css } from "lit";

export const cardStyles = css`
  ha-card {
    display: block;
    padding: 16px;
    height: 100%;
    box-sizing: border-box;
    overflow: hidden;
  }
  .aime-card-header {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 12px;
  }
  .aime-card-header h2 {
    margin: 0;
    flex: 1;
    font-size: var(--ha-card-header-font-size, 1.25rem);
    font-weight: 400;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .aime-card-header a.open {
    font-size: 0.875rem;
    white-space: nowrap;
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.items li {
    position: relative;
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 6px 0;
    min-width: 0;
  }
  .item-text {
    flex: 1;
    min-width: 0;
  }
  .item-title {
    font-weight: 500;
  }
  .item-end {
    flex: none;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .item-text a {
    color: inherit;
  }
  .item-text a:hover {
    color: var(--primary-color);
  }
  .skeleton-row {
    height: 40px;
    margin: 6px 0;
    border-radius: 8px;
  }
  .state {
    padding: 16px 8px;
  }
  /* The period buttons as one compact segmented control. */
  aime-period-picker::part(window) {
    min-height: 32px;
    padding: 4px 10px;
    font-size: 0.875rem;
    border-radius: 16px;
  }
`;
