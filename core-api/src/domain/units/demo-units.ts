/** The demo organisation of docs/architecture.md (seeded when `SEED_DEMO=true`). Parents come first. */
export interface DemoUnit {
  code: string;
  parentCode: string | null;
  name: string;
  nameFr: string;
  nameDe: string;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'UNIV', parentCode: null, name: 'Demo University', nameFr: 'Université de démonstration', nameDe: 'Demo-Universität' },
  { code: 'ENV', parentCode: 'UNIV', name: 'Faculty of Environmental Sciences', nameFr: "Faculté des sciences de l'environnement", nameDe: 'Fakultät für Umweltwissenschaften' },
  { code: 'SCI', parentCode: 'UNIV', name: 'Faculty of Science', nameFr: 'Faculté des sciences', nameDe: 'Naturwissenschaftliche Fakultät' },
  { code: 'ENV-CLIM', parentCode: 'ENV', name: 'Institute of Climate Research', nameFr: 'Institut de recherche sur le climat', nameDe: 'Institut für Klimaforschung' },
  { code: 'ENV-ECO', parentCode: 'ENV', name: 'Institute of Ecology', nameFr: "Institut d'écologie", nameDe: 'Institut für Ökologie' },
  { code: 'SCI-CHEM', parentCode: 'SCI', name: 'Institute of Chemistry', nameFr: 'Institut de chimie', nameDe: 'Institut für Chemie' },
  { code: 'LAB-CARBON', parentCode: 'ENV-CLIM', name: 'Carbon Cycle Laboratory', nameFr: 'Laboratoire du cycle du carbone', nameDe: 'Labor für Kohlenstoffkreislauf' },
  { code: 'LAB-ICE', parentCode: 'ENV-CLIM', name: 'Ice Core Laboratory', nameFr: 'Laboratoire des carottes glaciaires', nameDe: 'Eisbohrkern-Labor' },
  { code: 'LAB-SOIL', parentCode: 'ENV-ECO', name: 'Soil Ecology Laboratory', nameFr: "Laboratoire d'écologie des sols", nameDe: 'Labor für Bodenökologie' },
  { code: 'LAB-CATAL', parentCode: 'SCI-CHEM', name: 'Catalysis Laboratory', nameFr: 'Laboratoire de catalyse', nameDe: 'Labor für Katalyse' },
  { code: 'LAB-SPECTRO', parentCode: 'SCI-CHEM', name: 'Spectroscopy Laboratory', nameFr: 'Laboratoire de spectroscopie', nameDe: 'Labor für Spektroskopie' },
];
