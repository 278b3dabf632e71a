import{A as z,F as I,G as U,J as P,j as $,n as b,p as g,q as w,r,x as O,y as x,z as k}from"./chunks/chunk-6XHRWNED.js";import{a as C,b as q,d as H}from"./chunks/chunk-LTU2ORKP.js";import{a as S,b as j,c as R,f as J}from"./chunks/chunk-K4B7HRDW.js";import{e as G}from"./chunks/chunk-5S5VPTHB.js";import{a as h,b as e,d as c,h as l,j as _,k as M,l as T,m as f,n as L,o as D,p as N}from"./chunks/chunk-CZU4RHFL.js";import{b as d}from"./chunks/chunk-CQAH7SST.js";var E=h`
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
`;var W=60,V=3600,A=86400,p=class extends k{constructor(){super(...arguments);this.plays=x;this.now=Date.now()/1e3;this.request=0}static{this.styles=[$,E,h`
      aime-now-playing {
        margin: 0 -16px 8px;
      }
      .when {
        font-size: 0.8125rem;
      }
    `]}static async getConfigElement(){return await import("./chunks/recent-card-editor-4BDMC2DK.js"),document.createElement(q)}static getStubConfig(){return{count:5,show_now_playing:!0}}setConfig(t){let i=H(this.hass,t),a=!this.config||i.count!==this.config.count;this.config=i,a&&this.hass&&this.fetch()}getCardSize(){return 1+(this.config?.count??5)+(this.config?.show_now_playing===!1?0:1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}connectedCallback(){super.connectedCallback(),this.now=Date.now()/1e3,this.ticker=window.setInterval(()=>this.now=Date.now()/1e3,6e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.ticker)}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){if(t.kind!=="play"||this.plays.status!=="ready")return;let i=this.plays.value.filter(s=>s.play_id!==t.play.play_id),a=[t.play,...i].sort((s,n)=>n.played_at-s.played_at).slice(0,this.config.count);this.plays={status:"ready",value:a},this.now=Math.max(this.now,Date.now()/1e3)}fetch(){let t=++this.request;this.load(()=>O(this.hass,{},0,this.config.count).then(i=>i.entries),i=>{t===this.request&&(this.plays=i)})}render(){return!this.config||!this.hass?c:e`<ha-card data-testid="aime-recent-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.recent.default_title")}</h2>
        <a class="open" href="${b}/journal" @click=${r}>${this.t("cards.open_panel")}</a>
      </div>
      ${this.config.show_now_playing?e`<aime-now-playing stacked .hass=${this.hass}></aime-now-playing>`:c}
      ${this.plays.status==="loading"?e`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${Array.from({length:Math.min(this.config.count,5)},()=>e`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.plays,t=>this.renderPlays(t),()=>this.fetch())}
    </ha-card>`}renderPlays(t){return t.length?e`<ul class="items">
      ${t.map(i=>e`<li data-testid="recent-card-item" data-play-id=${i.play_id}>
          <a href=${g(i.album_id)} @click=${r} tabindex="-1" aria-hidden="true">
            <aime-cover .src=${i.cover??null} .size=${40} label=${i.album}></aime-cover>
          </a>
          <span class="item-text">
            <span class="item-title ellipsis" style="display:block" dir="auto" title=${i.title}>${i.title}</span>
            <span class="muted ellipsis" style="display:block">
              <a dir="auto" title=${i.artist} href=${w(i.artist_id)} @click=${r}>${i.artist}</a> ·
              <a dir="auto" title=${i.album} href=${g(i.album_id)} @click=${r}>${i.album}</a>
            </span>
          </span>
          <time class="item-end when" datetime=${new Date(i.played_at*1e3).toISOString()} title=${L(this.hass,i.played_at)}>
            ${this.ago(i.played_at)}
          </time>
        </li>`)}
    </ul>`:e`<div class="state" data-testid="recent-card-empty">${this.t("cards.recent.empty")}</div>`}ago(t){let i=Math.max(0,this.now-t),a=new Intl.RelativeTimeFormat(M(this.hass),{numeric:"auto",style:"short"});return i<W?this.t("cards.recent.just_now"):i<V?a.format(-Math.floor(i/W),"minute"):i<A?a.format(-Math.floor(i/V),"hour"):i<7*A?a.format(-Math.floor(i/A),"day"):L(this.hass,t,{dateStyle:"medium"})}};d([l()],p.prototype,"config",2),d([l()],p.prototype,"plays",2),d([l()],p.prototype,"now",2);_(C,p);var Y={"7d":"day","30d":"day","365d":"week",all:"month"},F=o=>!!(o&&typeof o=="object"&&o.code==="unknown_command"),m=class extends k{constructor(){super(...arguments);this.window="30d";this.stats=x;this.request=0}static{this.styles=[$,E,h`
      aime-period-picker {
        margin-bottom: 12px;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 8px;
        margin-bottom: 8px;
      }
      .figure {
        padding: 8px;
        border-radius: 8px;
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
        min-width: 0;
      }
      .figure .value {
        font-size: 1.25rem;
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .figure .label {
        font-size: 0.8125rem;
        color: var(--secondary-text-color);
      }
      h3 {
        margin: 12px 0 4px;
        font-size: 1rem;
      }
      .rank {
        width: 1.5em;
        flex: none;
        text-align: right;
        color: var(--secondary-text-color);
        font-variant-numeric: tabular-nums;
      }
      ul.items li > :not(.share) {
        position: relative;
      }
      .share {
        position: absolute;
        left: 0;
        top: 2px;
        bottom: 2px;
        border-radius: 6px;
        background: var(--primary-color);
        opacity: 0.1;
      }
    `]}static async getConfigElement(){return await import("./chunks/stats-card-editor-56Q2BOYF.js"),document.createElement(j)}static getStubConfig(){return{period:"30d",show_chart:!0,top:"artists",top_count:5}}setConfig(t){let i=J(this.hass,t),a=!this.config||i.period!==this.config.period||i.top_count!==this.config.top_count;this.config=i,a&&(this.window=i.period,this.hass&&this.fetch())}getCardSize(){return 3+Math.ceil((this.config?.top_count??5)*.8)+(this.config?.show_chart===!1?0:3)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){t.kind==="stats"&&this.fetch(!0)}fetch(t=!1){let i=P(this.hass,this.window),a=++this.request,s=this.window,n=this.config.top_count,u=async()=>{try{return await U(this.hass,{first_day:i.first_day,last_day:i.last_day,top:n,granularity:Y[s]})}catch(v){if(!F(v))throw v;return{...await I(this.hass,s,n),series:[],granularity:Y[s]}}};this.load(u,v=>{a===this.request&&(this.stats=v)},t)}choose(t){let i=t.detail.window;!R.includes(i)||i===this.window||(this.window=i,this.fetch())}render(){if(!this.config||!this.hass)return c;let t=P(this.hass,this.window);return e`<ha-card data-testid="aime-stats-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.stats.default_title")}</h2>
        <a class="open" href="${b}/stats" @click=${r}>${this.t("cards.open_panel")}</a>
      </div>
      <aime-period-picker
        .hass=${this.hass}
        .period=${t}
        .windows=${[...R]}
        @period-changed=${this.choose}
      ></aime-period-picker>
      ${this.stats.status==="loading"?e`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0,1,2].map(()=>e`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.stats,i=>this.renderStats(i),()=>this.fetch())}
    </ha-card>`}renderStats(t){return t.plays?e`<div class="figures">
        ${this.figure(f(this.hass,t.plays),this.t("cards.stats.plays"))}
        ${this.figure(this.listening(t.listening_seconds),this.t("cards.stats.listening"))}
        ${this.figure(f(this.hass,t.unique_artists),this.t("cards.stats.artists"))}
      </div>
      ${this.config.show_chart&&t.series.length>1?this.renderChart(t):c}
      <h3>${this.t(`cards.stats.top_${this.config.top}`)}</h3>
      ${this.renderTop(this.topOf(t))}`:e`<div class="state" data-testid="stats-card-empty">${this.t("cards.stats.empty")}</div>`}listening(t){let i=Math.floor(t/3600);return i>=10?this.t("cards.stats.hours",{hours:f(this.hass,i)}):N(this.hass,t)}figure(t,i){return e`<div class="figure"><div class="value" title=${t}>${t}</div><div class="label">${i}</div></div>`}renderChart(t){let i=t.granularity==="month",a=t.series.map(u=>D(this.hass,u.start,i?{month:"short",year:"2-digit"}:{day:"numeric",month:"short"})),s=z(this),n={grid:{left:4,right:4,top:8,bottom:4,containLabel:!0},tooltip:{trigger:"axis"},xAxis:{type:"category",data:a,axisLabel:{color:s.secondaryText,hideOverlap:!0},axisLine:{lineStyle:{color:s.divider}},axisTick:{show:!1}},yAxis:{type:"value",minInterval:1,axisLabel:{color:s.secondaryText},splitLine:{lineStyle:{color:s.divider}}},series:[{type:"bar",name:this.t("cards.stats.plays"),data:t.series.map(u=>u.plays),itemStyle:{borderRadius:[3,3,0,0]}}]};return e`<aime-chart
      data-testid="stats-card-chart"
      .options=${n}
      .height=${140}
      label=${this.t(`cards.stats.chart_${t.granularity}`)}
    ></aime-chart>`}topOf(t){return this.config.top==="albums"?t.top_albums:this.config.top==="tracks"?t.top_tracks:t.top_artists}renderTop(t){if(!t.length)return e`<div class="state">${this.t("common.empty")}</div>`;let i=Math.max(...t.map(s=>s.plays),1),a=this.config.top;return e`<ul class="items">
      ${t.map((s,n)=>e`<li data-testid="stats-card-item">
          <span class="share" style="width:${Math.round(s.plays/i*100)}%"></span>
          <span class="rank">${n+1}</span>
          ${a==="albums"?e`<aime-cover .src=${s.cover??null} .size=${36} label=${s.name}></aime-cover>`:c}
          <span class="item-text ellipsis">${this.itemName(s)}</span>
          <span class="item-end">${f(this.hass,s.plays)}</span>
        </li>`)}
    </ul>`}itemName(t){let i=this.config.top;if(i==="artists")return e`<a class="item-title" dir="auto" title=${t.name} href=${w(t.id)} @click=${r}>${t.name}</a>`;let a=t.artist?t.artist_id===void 0||t.artist_id===null?e`<span class="muted"> · <span dir="auto" title=${t.artist}>${t.artist}</span></span>`:e`<span class="muted">
            · <a class="item-artist" dir="auto" title=${t.artist} href=${w(t.artist_id)} @click=${r}>${t.artist}</a></span
          >`:c,s=i==="albums"?t.id:t.album_id;return s!=null?e`<a class="item-title" dir="auto" title=${t.name} href=${g(s)} @click=${r}>${t.name}</a>${a}`:e`<span class="item-title" dir="auto" title=${t.name}>${t.name}</span>${a}`}};d([l()],m.prototype,"config",2),d([l()],m.prototype,"window",2),d([l()],m.prototype,"stats",2);_(S,m);var K="https://github.com/aime-ha/aime-home-assistant#dashboard-cards";function B(o,y){if(window.customCards??=[],window.customCards.some(i=>i.type===o))return;let t=G();window.customCards.push({type:o,name:T(t,`cards.${y}.name`),description:T(t,`cards.${y}.description`),preview:!0,documentationURL:K})}B(S,"stats");B(C,"recent");
