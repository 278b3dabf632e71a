import{A as j,B as K,C as S,E as _,F as k,G as p,L as V,M as T,N as L,O as J,T as W,U as B,X as O,j as m,k as r,m as u,o as z,p as U,q as h,r as v,s as q,v as f,w as G,x as g,y as x,z as P}from"./chunks/chunk-SFVCA56A.js";import{b as l}from"./chunks/chunk-CQAH7SST.js";var w=["7d","30d","365d","all"],H=["artists","albums","tracks"],R={min:1,max:25,default:5},M={min:1,max:50,default:5};function N(){return document.querySelector("home-assistant")?.hass}function C(s,n,t={}){return new Error(g(s??N(),n,t))}function Y(s,n){let t=n.title;if(t!=null){if(typeof t!="string")throw C(s,"cards.invalid.title");return t}}function Q(s,n,t,e){let i=n[t];if(i===void 0)return e;if(typeof i!="boolean")throw C(s,"cards.invalid.boolean",{option:t});return i}function X(s,n,t,e){let i=n[t];if(i===void 0)return e.default;if(typeof i!="number"||!Number.isInteger(i)||i<e.min||i>e.max)throw C(s,"cards.invalid.count",{option:t,min:e.min,max:e.max});return i}function F(s,n,t,e,i){let a=n[t];if(a===void 0)return i;if(!e.includes(a))throw C(s,"cards.invalid.choice",{option:t,choices:e.join(", ")});return a}function Z(s,n){if(!n||typeof n!="object"||Array.isArray(n))throw C(s,"cards.invalid.config");return n}function tt(s,n){let t=Z(s,n);return{...t,title:Y(s,t),period:F(s,t,"period",w,"30d"),show_chart:Q(s,t,"show_chart",!0),top_count:X(s,t,"top_count",R),top:F(s,t,"top",H,"artists")}}function et(s,n){let t=Z(s,n);return{...t,title:Y(s,t),count:X(s,t,"count",M),show_now_playing:Q(s,t,"show_now_playing",!0)}}var y=class extends z{constructor(){super(...arguments);this.config={type:""}}static{this.styles=[v,q,m`
      .editor {
        display: grid;
        gap: 12px;
      }
      label.check {
        flex-direction: row;
        align-items: center;
        gap: 8px;
        color: var(--primary-text-color);
        font-size: 1rem;
      }
      label.check input {
        width: 18px;
        height: 18px;
        min-height: 0;
      }
    `]}setConfig(t){this.config={...t}}t(t,e){return g(this.hass,t,e)}change(t,e){let i={...this.config,[t]:e};(e===""||e===void 0)&&delete i[t],this.config=i,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:i},bubbles:!0,composed:!0}))}text(t,e,i){return r`<label
      >${e}
      <input
        data-testid="editor-${t}"
        .value=${String(this.config[t]??"")}
        placeholder=${i}
        @change=${a=>this.change(t,a.target.value)}
    /></label>`}number(t,e,i){return r`<label
      >${e}
      <input
        type="number"
        inputmode="numeric"
        data-testid="editor-${t}"
        min=${i.min}
        max=${i.max}
        .value=${String(this.config[t]??i.default)}
        @change=${a=>{let o=a.target,d=Math.round(Number(o.value)),c=Number.isFinite(d)?Math.min(i.max,Math.max(i.min,d)):i.default;o.value=String(c),this.change(t,c)}}
    /></label>`}select(t,e,i,a,o){let d=String(this.config[t]??a);return r`<label
      >${e}
      <select
        data-testid="editor-${t}"
        .value=${d}
        @change=${c=>this.change(t,c.target.value)}
      >
        ${i.map(c=>r`<option value=${c} ?selected=${c===d}>${this.t(`${o}${c}`)}</option>`)}
      </select></label
    >`}checkbox(t,e){return r`<label class="check"
      ><input
        type="checkbox"
        data-testid="editor-${t}"
        .checked=${this.config[t]!==!1}
        @change=${i=>this.change(t,i.target.checked)}
      />${e}</label
    >`}};l([U({attribute:!1})],y.prototype,"hass",2),l([h()],y.prototype,"config",2);var I=class extends y{render(){return r`<div class="editor" data-testid="aime-stats-card-editor">
      ${this.text("title",this.t("cards.editor.title"),this.t("cards.stats.default_title"))}
      ${this.select("period",this.t("cards.editor.period"),w,"30d","common.window.")}
      ${this.select("top",this.t("cards.editor.top"),H,"artists","cards.stats.top_")}
      ${this.number("top_count",this.t("cards.editor.top_count"),R)}
      ${this.checkbox("show_chart",this.t("cards.editor.show_chart"))}
    </div>`}},A=class extends y{render(){return r`<div class="editor" data-testid="aime-recent-card-editor">
      ${this.text("title",this.t("cards.editor.title"),this.t("cards.recent.default_title"))}
      ${this.number("count",this.t("cards.editor.count"),M)}
      ${this.checkbox("show_now_playing",this.t("cards.editor.show_now_playing"))}
    </div>`}};f("aime-stats-card-editor",I);f("aime-recent-card-editor",A);var E=m`
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
`;var it=60,st=3600,D=86400,$=class extends L{constructor(){super(...arguments);this.plays=T;this.now=Date.now()/1e3;this.request=0}static{this.styles=[v,E,m`
      aime-now-playing {
        margin: 0 -16px 8px;
      }
      .when {
        font-size: 0.8125rem;
      }
    `]}static getConfigElement(){return document.createElement("aime-recent-card-editor")}static getStubConfig(){return{count:5,show_now_playing:!0}}setConfig(t){let e=et(this.hass,t),i=!this.config||e.count!==this.config.count;this.config=e,i&&this.hass&&this.fetch()}getCardSize(){return 1+(this.config?.count??5)+(this.config?.show_now_playing===!1?0:1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}connectedCallback(){super.connectedCallback(),this.now=Date.now()/1e3,this.ticker=window.setInterval(()=>this.now=Date.now()/1e3,6e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.ticker)}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){if(t.kind!=="play"||this.plays.status!=="ready")return;let e=this.plays.value.filter(a=>a.play_id!==t.play.play_id),i=[t.play,...e].sort((a,o)=>o.played_at-a.played_at).slice(0,this.config.count);this.plays={status:"ready",value:i},this.now=Math.max(this.now,Date.now()/1e3)}fetch(){let t=++this.request;this.load(()=>V(this.hass,{},0,this.config.count).then(e=>e.entries),e=>{t===this.request&&(this.plays=e)})}render(){return!this.config||!this.hass?u:r`<ha-card data-testid="aime-recent-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.recent.default_title")}</h2>
        <a class="open" href="${S}/journal" @click=${p}>${this.t("cards.open_panel")}</a>
      </div>
      ${this.config.show_now_playing?r`<aime-now-playing stacked .hass=${this.hass}></aime-now-playing>`:u}
      ${this.plays.status==="loading"?r`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${Array.from({length:Math.min(this.config.count,5)},()=>r`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.plays,t=>this.renderPlays(t),()=>this.fetch())}
    </ha-card>`}renderPlays(t){return t.length?r`<ul class="items">
      ${t.map(e=>r`<li data-testid="recent-card-item" data-play-id=${e.play_id}>
          <a href=${_(e.album_id)} @click=${p} tabindex="-1" aria-hidden="true">
            <aime-cover .src=${e.cover??null} .size=${40} label=${e.album}></aime-cover>
          </a>
          <span class="item-text">
            <span class="item-title ellipsis" style="display:block">${e.title}</span>
            <span class="muted ellipsis" style="display:block">
              <a href=${k(e.artist_id)} @click=${p}>${e.artist}</a> ·
              <a href=${_(e.album_id)} @click=${p}>${e.album}</a>
            </span>
          </span>
          <time class="item-end when" datetime=${new Date(e.played_at*1e3).toISOString()} title=${P(this.hass,e.played_at)}>
            ${this.ago(e.played_at)}
          </time>
        </li>`)}
    </ul>`:r`<div class="state" data-testid="recent-card-empty">${this.t("cards.recent.empty")}</div>`}ago(t){let e=Math.max(0,this.now-t),i=new Intl.RelativeTimeFormat(G(this.hass),{numeric:"auto",style:"short"});return e<it?this.t("cards.recent.just_now"):e<st?i.format(-Math.floor(e/it),"minute"):e<D?i.format(-Math.floor(e/st),"hour"):e<7*D?i.format(-Math.floor(e/D),"day"):P(this.hass,t,{dateStyle:"medium"})}};l([h()],$.prototype,"config",2),l([h()],$.prototype,"plays",2),l([h()],$.prototype,"now",2);f("aime-recent-card",$);var at={"7d":"day","30d":"day","365d":"week",all:"month"},nt=s=>!!(s&&typeof s=="object"&&s.code==="unknown_command"),b=class extends L{constructor(){super(...arguments);this.window="30d";this.stats=T;this.request=0}static{this.styles=[v,E,m`
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
    `]}static getConfigElement(){return document.createElement("aime-stats-card-editor")}static getStubConfig(){return{period:"30d",show_chart:!0,top:"artists",top_count:5}}setConfig(t){let e=tt(this.hass,t),i=!this.config||e.period!==this.config.period||e.top_count!==this.config.top_count;this.config=e,i&&(this.window=e.period,this.hass&&this.fetch())}getCardSize(){return 3+Math.ceil((this.config?.top_count??5)*.8)+(this.config?.show_chart===!1?0:3)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}willUpdate(t){super.willUpdate(t),t.has("hass")&&!t.get("hass")&&this.hass&&this.config&&this.fetch()}onLiveEvent(t){t.kind==="stats"&&this.fetch(!0)}fetch(t=!1){let e=O(this.hass,this.window),i=++this.request,a=this.window,o=this.config.top_count,d=async()=>{try{return await B(this.hass,{first_day:e.first_day,last_day:e.last_day,top:o,granularity:at[a]})}catch(c){if(!nt(c))throw c;return{...await W(this.hass,a,o),series:[],granularity:at[a]}}};this.load(d,c=>{i===this.request&&(this.stats=c)},t)}choose(t){let e=t.detail.window;!w.includes(e)||e===this.window||(this.window=e,this.fetch())}render(){if(!this.config||!this.hass)return u;let t=O(this.hass,this.window);return r`<ha-card data-testid="aime-stats-card">
      <div class="aime-card-header">
        <h2>${this.config.title||this.t("cards.stats.default_title")}</h2>
        <a class="open" href="${S}/stats" @click=${p}>${this.t("cards.open_panel")}</a>
      </div>
      <aime-period-picker
        .hass=${this.hass}
        .period=${t}
        .windows=${[...w]}
        @period-changed=${this.choose}
      ></aime-period-picker>
      ${this.stats.status==="loading"?r`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0,1,2].map(()=>r`<div class="skeleton-row placeholder"></div>`)}
          </div>`:this.renderLoad(this.stats,e=>this.renderStats(e),()=>this.fetch())}
    </ha-card>`}renderStats(t){return t.plays?r`<div class="figures">
        ${this.figure(x(this.hass,t.plays),this.t("cards.stats.plays"))}
        ${this.figure(this.listening(t.listening_seconds),this.t("cards.stats.listening"))}
        ${this.figure(x(this.hass,t.unique_artists),this.t("cards.stats.artists"))}
      </div>
      ${this.config.show_chart&&t.series.length>1?this.renderChart(t):u}
      <h3>${this.t(`cards.stats.top_${this.config.top}`)}</h3>
      ${this.renderTop(this.topOf(t))}`:r`<div class="state" data-testid="stats-card-empty">${this.t("cards.stats.empty")}</div>`}listening(t){let e=Math.floor(t/3600);return e>=10?this.t("cards.stats.hours",{hours:x(this.hass,e)}):K(this.hass,t)}figure(t,e){return r`<div class="figure"><div class="value" title=${t}>${t}</div><div class="label">${e}</div></div>`}renderChart(t){let e=t.granularity==="month",i=t.series.map(d=>j(this.hass,d.start,e?{month:"short",year:"2-digit"}:{day:"numeric",month:"short"})),a=J(this),o={grid:{left:4,right:4,top:8,bottom:4,containLabel:!0},tooltip:{trigger:"axis"},xAxis:{type:"category",data:i,axisLabel:{color:a.secondaryText,hideOverlap:!0},axisLine:{lineStyle:{color:a.divider}},axisTick:{show:!1}},yAxis:{type:"value",minInterval:1,axisLabel:{color:a.secondaryText},splitLine:{lineStyle:{color:a.divider}}},series:[{type:"bar",name:this.t("cards.stats.plays"),data:t.series.map(d=>d.plays),itemStyle:{borderRadius:[3,3,0,0]}}]};return r`<aime-chart
      data-testid="stats-card-chart"
      .options=${o}
      .height=${140}
      label=${this.t(`cards.stats.chart_${t.granularity}`)}
    ></aime-chart>`}topOf(t){return this.config.top==="albums"?t.top_albums:this.config.top==="tracks"?t.top_tracks:t.top_artists}renderTop(t){if(!t.length)return r`<div class="state">${this.t("common.empty")}</div>`;let e=Math.max(...t.map(a=>a.plays),1),i=this.config.top;return r`<ul class="items">
      ${t.map((a,o)=>r`<li data-testid="stats-card-item">
          <span class="share" style="width:${Math.round(a.plays/e*100)}%"></span>
          <span class="rank">${o+1}</span>
          ${i==="albums"?r`<aime-cover .src=${a.cover??null} .size=${36} label=${a.name}></aime-cover>`:u}
          <span class="item-text ellipsis">${this.itemName(a)}</span>
          <span class="item-end">${x(this.hass,a.plays)}</span>
        </li>`)}
    </ul>`}itemName(t){let e=this.config.top;if(e==="artists")return r`<a class="item-title" href=${k(t.id)} @click=${p}>${t.name}</a>`;let i=t.artist?t.artist_id===void 0||t.artist_id===null?r`<span class="muted"> · ${t.artist}</span>`:r`<span class="muted">
            · <a class="item-artist" href=${k(t.artist_id)} @click=${p}>${t.artist}</a></span
          >`:u,a=e==="albums"?t.id:t.album_id;return a!=null?r`<a class="item-title" href=${_(a)} @click=${p}>${t.name}</a>${i}`:r`<span class="item-title">${t.name}</span>${i}`}};l([h()],b.prototype,"config",2),l([h()],b.prototype,"window",2),l([h()],b.prototype,"stats",2);f("aime-stats-card",b);var ot="https://github.com/aime-ha/aime-home-assistant#dashboard-cards";function rt(s,n){if(window.customCards??=[],window.customCards.some(e=>e.type===s))return;let t=N();window.customCards.push({type:s,name:g(t,`cards.${n}.name`),description:g(t,`cards.${n}.description`),preview:!0,documentationURL:ot})}rt("aime-stats-card","stats");rt("aime-recent-card","recent");
