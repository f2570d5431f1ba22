/* dyad: small helpers shared by the pages. Text always goes in as text (textContent), never as HTML. */
"use strict";
window.dyad = (function () {
  const SVG = "http://www.w3.org/2000/svg";

  /* el("a", {href: "/x", class: "y"}, "text", child, …): an element; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    return fill(node, attrs, children);
  }

  function svg(tag, attrs, ...children) {
    return fill(document.createElementNS(SVG, tag), attrs, children);
  }

  function fill(node, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /* JSON a page embedded in <script type="application/json" id="…">. */
  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  return {el, svg, data, QUADS};
})();
