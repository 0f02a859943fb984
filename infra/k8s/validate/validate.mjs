// Validates rendered manifests (kubectl kustomize output, on stdin) offline against the Kubernetes
// API's OpenAPI schemas as kubernetes-models ships them, and KEDA's against @kubernetes-models/keda.
// Kinds of operators without a served schema package (RabbitmqCluster, CloudNativePG's Cluster) get
// the checks every object must pass plus the fields this platform relies on. Exit 1 on any failure.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "batch/v1": "kubernetes-models/batch/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};
// Operator kinds: what must be there for the platform (see overlays/production/dependencies.yaml).
const operatorKinds = {
  "rabbitmq.com/v1beta1/RabbitmqCluster": (o) => Number.isInteger(o.spec?.replicas) && o.spec.replicas >= 3,
  "postgresql.cnpg.io/v1/Cluster": (o) => Number.isInteger(o.spec?.instances) && o.spec.instances >= 1 && !!o.spec?.storage?.size,
};

const source = process.argv[2] ? readFileSync(process.argv[2], "utf8") : readFileSync(0, "utf8");
let failures = 0, checked = 0;
for (const document of parseAllDocuments(source)) {
  if (document.errors.length) { console.error(`YAML: ${document.errors.join("; ")}`); failures++; continue; }
  const object = document.toJS();
  if (!object) continue;
  const name = `${object.kind}/${object.metadata?.name}`;
  try {
    if (!object.apiVersion || !object.kind || !object.metadata?.name) throw new Error("apiVersion, kind and metadata.name are required");
    const operator = operatorKinds[`${object.apiVersion}/${object.kind}`];
    if (operator) {
      if (!operator(object)) throw new Error("the fields the platform relies on are missing or too small");
    } else {
      const module = modules[object.apiVersion];
      if (!module) throw new Error(`no schema for ${object.apiVersion}: add it to validate.mjs`);
      const Model = (await import(module))[object.kind];
      if (!Model) throw new Error(`${object.apiVersion} has no kind ${object.kind}`);
      new Model(object).validate();
    }
    checked++;
  } catch (error) {
    failures++;
    console.error(`${name}: ${error.message}${error.errors ? " " + JSON.stringify(error.errors) : ""}`);
  }
}
console.log(`${checked} objects valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
