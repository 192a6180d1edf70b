/** The pages' one stylesheet, inlined in a <style> whose hash the CSP allows (see http/security-headers.ts). */

/**
 * CJK-first typography: ~35 characters a line, line-height 1.8, strict line breaking (no line starts with 、。」),
 * 1/8 em between Han and Latin letters or digits (text-autospace). Body text is set flush left on a measure of whole
 * characters (round(down, 100%, 1em)), so a line of Han characters fills it exactly and both edges align, without
 * justification: Chromium justifies by spreading every character of a line that ends before a run it may not break
 * (重“1+1>2”: curly quotes forbid a break on either side), which showed 0.2 em gaps; measured in
 * test/browser/typesetting.test.ts. The Traditional edition's pages (`lang="zh-Hant-TW"`) take Traditional (TC) faces.
 */
export const PAGE_STYLE = `:root{color-scheme:light dark;--fg:#1d1d1b;--muted:#5f5b53;--bg:#fbfaf6;--rule:#d8d2c4;--link:#0b4f8a}
@media (prefers-color-scheme:dark){:root{--fg:#e9e6df;--muted:#aaa59b;--bg:#171613;--rule:#3b3933;--link:#8ec5ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.8 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",system-ui,sans-serif;line-break:strict;overflow-wrap:anywhere;text-autospace:normal}
.page{max-width:38em;margin:0 auto;padding:1rem 1.25rem 3rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
h1,h2{line-height:1.35;font-family:"Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif}
:lang(zh-Hant){font-family:"PingFang TC","Noto Sans CJK TC","Source Han Sans TC","Microsoft JhengHei",system-ui,sans-serif}
h1:lang(zh-Hant),h2:lang(zh-Hant){font-family:"Songti TC","Noto Serif CJK TC","Source Han Serif TC",serif}
h1{font-size:1.9rem;margin:.5rem 0}
h2{font-size:1.35rem;margin:2rem 0 .5rem}
section>p:lang(zh),p.lede:lang(zh){max-width:round(down,100%,1em)}
.dek{font-size:1.15rem;color:var(--muted);margin:.25rem 0}
.meta,.feeds,figcaption,.site-nav{color:var(--muted);font-size:.9rem}
.lede{font-size:1.1rem}
figure{margin:1.5rem 0}
img{max-width:100%;height:auto;display:block;background:var(--rule)}
figcaption{margin-top:.4rem;line-height:1.6}
.credit{white-space:nowrap}
.articles{list-style:none;padding:0}
.articles>li{border-top:1px solid var(--rule);padding:.75rem 0}
.articles h2{margin:.25rem 0}
pre{overflow-x:auto;padding:.75rem;border:1px solid var(--rule);font-size:.85rem;line-height:1.5;white-space:pre-wrap}
.site-nav{display:flex;gap:1rem;flex-wrap:wrap;border-bottom:1px solid var(--rule);padding-bottom:.5rem}
.edition-switch{margin-left:auto}
broadsheet-embed-builder{display:block;margin-top:1.5rem}
broadsheet-embed-builder>label{display:inline-flex;gap:.4em;align-items:center;margin:0 1.25em .75rem 0}
broadsheet-embed-builder>broadsheet-cards{margin:.5rem 0 1rem}
broadsheet-embed-builder>textarea{display:block;box-sizing:border-box;width:100%;min-height:7em;margin:.25rem 0 .5rem;font:.85rem/1.5 ui-monospace,monospace}`
