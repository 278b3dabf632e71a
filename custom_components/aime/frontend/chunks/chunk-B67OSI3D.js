import{a as c,b as m,d as h,f,g as u,h as i,l as r}from"./chunk-CZU4RHFL.js";import{b as n}from"./chunk-CQAH7SST.js";async function g(){customElements.get("ha-form")||(customElements.get("hui-button-card")||(await window.loadCardHelpers?.())?.createCardElement({type:"button"}),await customElements.get("hui-button-card")?.getConfigElement?.(),await customElements.whenDefined("ha-form"))}var a=class extends f{constructor(){super(...arguments);this.formLoaded=!!customElements.get("ha-form")}static{this.styles=c`
    :host {
      display: block;
    }
  `}connectedCallback(){super.connectedCallback(),this.formLoaded||g().then(()=>this.formLoaded=!0)}setConfig(e){this.shown=this.check(this.hass,e),this.config=e}render(){return!this.hass||!this.shown||!this.formLoaded?h:m`<div data-testid=${this.testId}>
      <ha-form
        .hass=${this.hass}
        .data=${this.shown}
        .schema=${this.schema(this.hass)}
        .computeLabel=${e=>r(this.hass,`cards.editor.${e.name}`)}
        @value-changed=${this.onValueChanged}
      ></ha-form>
    </div>`}onValueChanged(e){let s={...this.config};for(let o of this.schema(this.hass)){let t=e.detail.value[o.name];if(t!==this.shown?.[o.name]){if("number"in o.selector&&typeof t=="number"){let{min:p,max:C}=o.selector.number;t=Math.min(C,Math.max(p,Math.round(t)))}t===""||t===void 0||t===null?delete s[o.name]:s[o.name]=t}}this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:s},bubbles:!0,composed:!0}))}};n([u({attribute:!1})],a.prototype,"hass",2),n([i()],a.prototype,"config",2),n([i()],a.prototype,"shown",2),n([i()],a.prototype,"formLoaded",2);var y=(d,l,e)=>l.map(s=>({value:s,label:r(d,`${e}${s}`)}));export{a,y as b};
