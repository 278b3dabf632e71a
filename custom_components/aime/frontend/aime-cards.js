import{D as g,E as w,F as o,H as z,I as k,J as C,K as I,P as U,Q as q,T as R,m as $,w as b,y as x}from"./chunks/chunk-6JNVRR2B.js";import{a as S,b as G,d as j}from"./chunks/chunk-2RTPMSPO.js";import{a as E,b as J,c as A,f as W}from"./chunks/chunk-CGZVMH5U.js";import{f as H}from"./chunks/chunk-LEZDPHNH.js";import{a as p,b as s,d as l,h,j as _,k as D,l as L,m as f,n as P,o as N,p as O}from"./chunks/chunk-YCUM65M4.js";import{b as c}from"./chunks/chunk-CQAH7SST.js";var T=p`
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
`;var V=60,Y=3600,M=86400,m=class extends C{constructor(){super(...arguments);this.plays=k;this.now=Date.now()/1e3;this.request=0}static{this.styles=[$,T,p`
      aime-now-playing {
        margin: 0 -16px 8px;
      }
      .when {
        font-size: 0.8125rem;
      }
    `]}static async getConfigElement(){return await import("./chunks/recent-card-editor-JLT3ULSG.js"),document.createElement(G)}static getStubConfig(){return{count:5,show_now_playing:!0}}setConfig(t){let i=j(this.hass,t),a=!this.config||i.count!==this.config.count||i.person!==this.config.person;this.config=i,a&&this.hass&&this.fetch()}getCardSize(){return 1+(this.config?.count??5)+(this.config?.show_now_playing===!1?0:1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}connectedCallback(){super.connectedCallback(),this.now=Date.now()/1e3,this.ticker=window.setInterval(()=>this.now=Date.now()/1e3,6e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.ticker)}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){if(t.kind!=="play"||this.plays.status!=="ready")return;let i=this.config.person;if(i&&t.play.person===void 0)return this.fetch();if(i&&t.play.person!==i)return;let a=this.plays.value.filter(r=>r.play_id!==t.play.play_id),e=[t.play,...a].sort((r,d)=>d.played_at-r.played_at).slice(0,this.config.count);this.plays={status:"ready",value:e},this.now=Math.max(this.now,Date.now()/1e3)}fetch(){let t=++this.request;this.load(()=>z(this.hass,{person:this.config.person},0,this.config.count).then(i=>i.entries),i=>{t===this.request&&(this.plays=i)})}render(){return!this.config||!this.hass?l:s`<ha-card data-testid="aime-recent-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.recent.default_title")}</h2>
        <a class="open" href=${x(`${b}/journal`,this.config.person)} @click=${o}>${this.t("cards.open_panel")}</a>
      </div>
      ${this.config.show_now_playing?s`<aime-now-playing stacked .hass=${this.hass}></aime-now-playing>`:l}
      ${this.plays.status==="loading"?s`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${Array.from({length:Math.min(this.config.count,5)},()=>s`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.plays,t=>this.renderPlays(t),()=>this.fetch())}
    </ha-card>`}renderPlays(t){return t.length?s`<ul class="items">
      ${t.map(i=>s`<li data-testid="recent-card-item" data-play-id=${i.play_id}>
          <a href=${g(i.album_id)} @click=${o} tabindex="-1" aria-hidden="true">
            <aime-cover .src=${i.cover??null} .size=${40} label=${i.album}></aime-cover>
          </a>
          <span class="item-text">
            <span class="item-title ellipsis" style="display:block" dir="auto" title=${i.title}>${i.title}</span>
            <span class="muted ellipsis" style="display:block">
              <a dir="auto" title=${i.artist} href=${w(i.artist_id)} @click=${o}>${i.artist}</a> ·
              <a dir="auto" title=${i.album} href=${g(i.album_id)} @click=${o}>${i.album}</a>
            </span>
          </span>
          <time class="item-end when" datetime=${new Date(i.played_at*1e3).toISOString()} title=${P(this.hass,i.played_at)}>
            ${this.ago(i.played_at)}
          </time>
        </li>`)}
    </ul>`:s`<div class="state" data-testid="recent-card-empty">${this.t("cards.recent.empty")}</div>`}ago(t){let i=Math.max(0,this.now-t),a=new Intl.RelativeTimeFormat(D(this.hass),{numeric:"auto",style:"short"});return i<V?this.t("cards.recent.just_now"):i<Y?a.format(-Math.floor(i/V),"minute"):i<M?a.format(-Math.floor(i/Y),"hour"):i<7*M?a.format(-Math.floor(i/M),"day"):P(this.hass,t,{dateStyle:"medium"})}};c([h()],m.prototype,"config",2),c([h()],m.prototype,"plays",2),c([h()],m.prototype,"now",2);_(S,m);var B={"7d":"day","30d":"day","365d":"week",all:"month"},Q=n=>!!(n&&typeof n=="object"&&n.code==="unknown_command"),u=class extends C{constructor(){super(...arguments);this.window="30d";this.stats=k;this.request=0}static{this.styles=[$,T,p`
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
    `]}static async getConfigElement(){return await import("./chunks/stats-card-editor-LXOOXPIJ.js"),document.createElement(J)}static getStubConfig(){return{period:"30d",show_chart:!0,top:"artists",top_count:5}}setConfig(t){let i=W(this.hass,t),a=!this.config||i.period!==this.config.period||i.top_count!==this.config.top_count||i.person!==this.config.person;this.config=i,a&&(this.window=i.period,this.hass&&this.fetch())}getCardSize(){return 3+Math.ceil((this.config?.top_count??5)*.8)+(this.config?.show_chart===!1?0:3)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){t.kind==="stats"&&this.fetch(!0)}fetch(t=!1){let i=R(this.hass,this.window),a=++this.request,e=this.window,r=this.config.top_count,d=this.config.person,K=async()=>{try{return await q(this.hass,{first_day:i.first_day,last_day:i.last_day,top:r,granularity:B[e],person:d})}catch(v){if(!Q(v))throw v;return{...await U(this.hass,e,r,d),series:[],granularity:B[e]}}};this.load(K,v=>{a===this.request&&(this.stats=v)},t)}choose(t){let i=t.detail.window;!A.includes(i)||i===this.window||(this.window=i,this.fetch())}render(){if(!this.config||!this.hass)return l;let t=R(this.hass,this.window);return s`<ha-card data-testid="aime-stats-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.stats.default_title")}</h2>
        <a class="open" href=${x(`${b}/stats`,this.config.person)} @click=${o}>${this.t("cards.open_panel")}</a>
      </div>
      <aime-period-picker
        .hass=${this.hass}
        .period=${t}
        .windows=${[...A]}
        @period-changed=${this.choose}
      ></aime-period-picker>
      ${this.stats.status==="loading"?s`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0,1,2].map(()=>s`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.stats,i=>this.renderStats(i),()=>this.fetch())}
    </ha-card>`}renderStats(t){return t.plays?s`<div class="figures">
        ${this.figure(f(this.hass,t.plays),this.t("cards.stats.plays"))}
        ${this.figure(this.listening(t.listening_seconds),this.t("cards.stats.listening"))}
        ${this.figure(f(this.hass,t.unique_artists),this.t("cards.stats.artists"))}
      </div>
      ${this.config.show_chart&&t.series.length>1?this.renderChart(t):l}
      <h3>${this.t(`cards.stats.top_${this.config.top}`)}</h3>
      ${this.renderTop(this.topOf(t))}`:s`<div class="state" data-testid="stats-card-empty">${this.t("cards.stats.empty")}</div>`}listening(t){let i=Math.floor(t/3600);return i>=10?this.t("cards.stats.hours",{hours:f(this.hass,i)}):O(this.hass,t)}figure(t,i){return s`<div class="figure"><div class="value" title=${t}>${t}</div><div class="label">${i}</div></div>`}renderChart(t){let i=t.granularity==="month",a=t.series.map(d=>N(this.hass,d.start,i?{month:"short",year:"2-digit"}:{day:"numeric",month:"short"})),e=I(this),r={grid:{left:4,right:4,top:8,bottom:4,containLabel:!0},tooltip:{trigger:"axis"},xAxis:{type:"category",data:a,axisLabel:{color:e.secondaryText,hideOverlap:!0},axisLine:{lineStyle:{color:e.divider}},axisTick:{show:!1}},yAxis:{type:"value",minInterval:1,axisLabel:{color:e.secondaryText},splitLine:{lineStyle:{color:e.divider}}},series:[{type:"bar",name:this.t("cards.stats.plays"),data:t.series.map(d=>d.plays),itemStyle:{borderRadius:[3,3,0,0]}}]};return s`<aime-chart
      data-testid="stats-card-chart"
      .options=${r}
      .height=${140}
      label=${this.t(`cards.stats.chart_${t.granularity}`)}
    ></aime-chart>`}topOf(t){return this.config.top==="albums"?t.top_albums:this.config.top==="tracks"?t.top_tracks:t.top_artists}renderTop(t){if(!t.length)return s`<div class="state">${this.t("common.empty")}</div>`;let i=Math.max(...t.map(e=>e.plays),1),a=this.config.top;return s`<ul class="items">
      ${t.map((e,r)=>s`<li data-testid="stats-card-item">
          <span class="share" style="width:${Math.round(e.plays/i*100)}%"></span>
          <span class="rank">${r+1}</span>
          ${a==="albums"?s`<aime-cover .src=${e.cover??null} .size=${36} label=${e.name}></aime-cover>`:l}
          <span class="item-text ellipsis">${this.itemName(e)}</span>
          <span class="item-end">${f(this.hass,e.plays)}</span>
        </li>`)}
    </ul>`}itemName(t){let i=this.config.top;if(i==="artists")return s`<a class="item-title" dir="auto" title=${t.name} href=${w(t.id)} @click=${o}>${t.name}</a>`;let a=t.artist?t.artist_id===void 0||t.artist_id===null?s`<span class="muted"> · <span dir="auto" title=${t.artist}>${t.artist}</span></span>`:s`<span class="muted">
            · <a class="item-artist" dir="auto" title=${t.artist} href=${w(t.artist_id)} @click=${o}>${t.artist}</a></span
          >`:l,e=i==="albums"?t.id:t.album_id;return e!=null?s`<a class="item-title" dir="auto" title=${t.name} href=${g(e)} @click=${o}>${t.name}</a>${a}`:s`<span class="item-title" dir="auto" title=${t.name}>${t.name}</span>${a}`}};c([h()],u.prototype,"config",2),c([h()],u.prototype,"window",2),c([h()],u.prototype,"stats",2);_(E,u);var X="https://github.com/aime-ha/aime-home-assistant#dashboard-cards";function F(n,y){if(window.customCards??=[],window.customCards.some(i=>i.type===n))return;let t=H();window.customCards.push({type:n,name:L(t,`cards.${y}.name`),description:L(t,`cards.${y}.description`),preview:!0,documentationURL:X})}F(E,"stats");F(S,"recent");
