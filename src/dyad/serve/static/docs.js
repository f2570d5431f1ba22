/* The API page: every endpoint of /openapi.json with its parameters, written out as text. */
"use strict";
(function () {
  const {el} = dyad;
  const root = document.getElementById("api-docs");

  function schemaText(schema) {
    if (!schema) return "";
    if (schema.anyOf) return schema.anyOf.map(schemaText).filter((t) => t !== "null").join(" or ");
    if (schema.enum) return schema.enum.join(" | ");
    if (schema.type === "array") return "list of " + schemaText(schema.items);
    const limits = [["minimum", "≥"], ["maximum", "≤"], ["maxLength", "length ≤"]].filter(([k]) => k in schema).map(([k, s]) => s + " " + schema[k]);
    return (schema.type || (schema.$ref || "").split("/").pop()) + (limits.length ? " (" + limits.join(", ") + ")" : "");
  }

  function parameters(op, spec) {
    const rows = (op.parameters || []).map((p) => el("tr", {},
      el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, schemaText(p.schema) + (p.required ? ", required" : "")),
      el("td", {}, p.description || (p.schema && p.schema.description) || "")));
    const body = op.requestBody && op.requestBody.content["application/json"];
    if (body) {
      const ref = body.schema.$ref.split("/").pop(), model = spec.components.schemas[ref];
      Object.entries(model.properties).forEach(([name, prop]) => rows.push(el("tr", {},
        el("td", {}, el("code", {}, name)), el("td", {}, "body"), el("td", {}, schemaText(prop) + ((model.required || []).includes(name) ? ", required" : "")),
        el("td", {}, prop.description || ""))));
    }
    return rows.length ? el("table", {class: "data compact"}, el("thead", {}, el("tr", {}, ["name", "in", "type", "meaning"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)) : null;
  }

  fetch("/openapi.json").then((r) => r.json()).then((spec) => {
    const sections = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        sections.push(el("section", {class: "card endpoint"},
          el("h2", {}, el("span", {class: "method " + method}, method.toUpperCase()), " ",
             method === "get" && !path.includes("{") ? el("a", {href: path}, path) : el("code", {}, path)),
          el("p", {}, op.summary || ""), parameters(op, spec)));
      }
    }
    root.replaceChildren(...sections);
  });
})();
