import{a as m,b as c,d as h,f,g as u,h as i,l as r}from"./chunk-YCUM65M4.js";import{b as a}from"./chunk-CQAH7SST.js";async function g(){customElements.get("ha-form")||(customElements.get("hui-button-card")||(await window.loadCardHelpers?.())?.createCardElement({type:"button"}),await customElements.get("hui-button-card")?.getConfigElement?.(),await customElements.whenDefined("ha-form"))}var s=class extends f{constructor(){super(...arguments);this.formLoaded=!!customElements.get("ha-form")}static{this.styles=m`
    :host {
      display: block;
    }
  `}connectedCallback(){super.connectedCallback(),this.formLoaded||g().then(()=>this.formLoaded=!0)}setConfig(e){this.shown=this.check(this.hass,e),this.config=e}render(){return!this.hass||!this.shown||!this.formLoaded?h:c`<div data-testid=${this.testId}>
      <ha-form
        .hass=${this.hass}
        .data=${this.shown}
        .schema=${this.schema(this.hass)}
        .computeLabel=${e=>r(this.hass,`cards.editor.${e.name}`)}
        @value-changed=${this.onValueChanged}
      ></ha-form>
    </div>`}onValueChanged(e){let n={...this.config};for(let o of this.schema(this.hass)){let t=e.detail.value[o.name];if(t!==this.shown?.[o.name]){if("number"in o.selector&&typeof t=="number"){let{min:p,max:C}=o.selector.number;t=Math.min(C,Math.max(p,Math.round(t)))}t===""||t===void 0||t===null?delete n[o.name]:n[o.name]=t}}this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:n},bubbles:!0,composed:!0}))}};a([u({attribute:!1})],s.prototype,"hass",2),a([i()],s.prototype,"config",2),a([i()],s.prototype,"shown",2),a([i()],s.prototype,"formLoaded",2);var y={name:"person",selector:{entity:{filter:{domain:"person"}}}},x=(l,d,e)=>d.map(n=>({value:n,label:r(l,`${e}${n}`)}));export{s as a,y as b,x as c};
