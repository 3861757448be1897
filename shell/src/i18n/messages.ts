import type { RemoteMessages } from '@co2/shell-sdk';

export const messages = {
  en: {
    app: { name: 'CO₂ Calculator', skip: 'Skip to content', loading: 'Loading…' },
    nav: { label: 'Main navigation', home: 'Home', inventory: 'Inventory', travel: 'Travel', dashboard: 'Dashboard', backoffice: 'Backoffice' },
    lang: { label: 'Language', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Account menu for {name}', signOut: 'Sign out', signingOut: 'Signing out…', signOutFailed: 'Sign-out failed. Please try again.' },
    context: { label: 'Working context', unit: 'Unit', year: 'Year', noUnit: 'No unit', search: 'Type to search a unit', noMatch: 'No unit matches', closed: 'closed' },
    role: {
      title: '{area} is not available for your role',
      why: {
        inventory: 'The inventory is filled in by the people of a unit: its principals, and members for their own travel and cloud use.',
        travel: 'Trips are recorded by the people of a unit: members record their own, principals the whole unit’s.',
        dashboard: 'Results are for the unit’s principal and for reporting staff. Ask your unit’s principal for the figures.',
        backoffice: 'The back office is for reporting staff and administrators.',
      },
      help: 'If you think you should have access, ask your unit’s principal or the CO₂ team.',
    },
    unavailable: {
      open: 'Open {area} with your unit',
      'no-unit': { title: 'No unit to work on', body: 'None of your roles gives you a unit in this area. Ask your unit’s principal or the CO₂ team.' },
      'unit-unavailable': { title: 'Unit {unit} is not available to you', body: 'The link names a unit you may not open (or that does not exist).' },
      'year-unavailable': { title: 'Year {year} is not open', body: 'The link names a reporting year that is not open to you.' },
    },
    notFound: { title: 'Page not found', body: 'There is nothing at this address.', home: 'Back to the home page' },
    landing: {
      title: 'Measure and reduce your unit’s greenhouse-gas emissions',
      body: 'Record headcount, travel, buildings, equipment and purchases, and see where your emissions come from.',
      signIn: 'Sign in',
    },
    home: { title: 'Welcome, {name}', body: 'Choose an area to start.' },
    area: {
      unavailableTitle: 'This module is unavailable',
      unavailableBody: 'The {area} module could not be loaded. The rest of the portal keeps working.',
      retry: 'Try again',
    },
    session: { error: 'Your session could not be checked: {message}', retry: 'Reload' },
  },
  fr: {
    app: { name: 'Calculateur CO₂', skip: 'Aller au contenu', loading: 'Chargement…' },
    nav: { label: 'Navigation principale', home: 'Accueil', inventory: 'Inventaire', travel: 'Voyages', dashboard: 'Tableau de bord', backoffice: 'Backoffice' },
    lang: { label: 'Langue', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Menu du compte de {name}', signOut: 'Se déconnecter', signingOut: 'Déconnexion…', signOutFailed: 'La déconnexion a échoué. Veuillez réessayer.' },
    context: { label: 'Contexte de travail', unit: 'Unité', year: 'Année', noUnit: 'Aucune unité', search: 'Tapez pour chercher une unité', noMatch: 'Aucune unité ne correspond', closed: 'fermée' },
    role: {
      title: '{area} n’est pas disponible pour votre rôle',
      why: {
        inventory: 'L’inventaire est saisi par les personnes d’une unité : ses responsables, et ses membres pour leurs propres voyages et leur usage du cloud.',
        travel: 'Les voyages sont saisis par les personnes d’une unité : chaque membre les siens, les responsables ceux de toute l’unité.',
        dashboard: 'Les résultats sont destinés au responsable de l’unité et au personnel de reporting. Demandez les chiffres au responsable de votre unité.',
        backoffice: 'Le backoffice est réservé au personnel de reporting et aux administrateurs.',
      },
      help: 'Si vous pensez devoir y accéder, adressez-vous au responsable de votre unité ou à l’équipe CO₂.',
    },
    unavailable: {
      open: 'Ouvrir {area} avec votre unité',
      'no-unit': { title: 'Aucune unité disponible', body: 'Aucun de vos rôles ne vous donne d’unité dans cet espace. Adressez-vous au responsable de votre unité ou à l’équipe CO₂.' },
      'unit-unavailable': { title: 'L’unité {unit} ne vous est pas accessible', body: 'Le lien désigne une unité que vous ne pouvez pas ouvrir (ou qui n’existe pas).' },
      'year-unavailable': { title: 'L’année {year} n’est pas ouverte', body: 'Le lien désigne une année de reporting qui ne vous est pas ouverte.' },
    },
    notFound: { title: 'Page introuvable', body: 'Il n’y a rien à cette adresse.', home: 'Retour à l’accueil' },
    landing: {
      title: 'Mesurez et réduisez les émissions de gaz à effet de serre de votre unité',
      body: 'Saisissez effectifs, voyages, bâtiments, équipements et achats, et voyez d’où viennent vos émissions.',
      signIn: 'Se connecter',
    },
    home: { title: 'Bienvenue, {name}', body: 'Choisissez un espace pour commencer.' },
    area: {
      unavailableTitle: 'Ce module est indisponible',
      unavailableBody: 'Le module {area} n’a pas pu être chargé. Le reste du portail fonctionne normalement.',
      retry: 'Réessayer',
    },
    session: { error: 'Votre session n’a pas pu être vérifiée : {message}', retry: 'Recharger' },
  },
  de: {
    app: { name: 'CO₂-Rechner', skip: 'Zum Inhalt springen', loading: 'Wird geladen…' },
    nav: { label: 'Hauptnavigation', home: 'Start', inventory: 'Inventar', travel: 'Reisen', dashboard: 'Übersicht', backoffice: 'Backoffice' },
    lang: { label: 'Sprache', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Kontomenü von {name}', signOut: 'Abmelden', signingOut: 'Abmeldung…', signOutFailed: 'Abmelden fehlgeschlagen. Bitte erneut versuchen.' },
    context: { label: 'Arbeitskontext', unit: 'Einheit', year: 'Jahr', noUnit: 'Keine Einheit', search: 'Tippen, um eine Einheit zu suchen', noMatch: 'Keine Einheit gefunden', closed: 'geschlossen' },
    role: {
      title: '{area} ist für Ihre Rolle nicht verfügbar',
      why: {
        inventory: 'Das Inventar wird von den Personen einer Einheit ausgefüllt: von ihren Verantwortlichen und von Mitgliedern für ihre eigenen Reisen und ihre Cloud-Nutzung.',
        travel: 'Reisen erfassen die Personen einer Einheit: Mitglieder ihre eigenen, Verantwortliche die der ganzen Einheit.',
        dashboard: 'Die Ergebnisse sind für die Verantwortlichen der Einheit und das Reporting-Personal bestimmt. Fragen Sie die Verantwortlichen Ihrer Einheit nach den Zahlen.',
        backoffice: 'Das Backoffice ist dem Reporting-Personal und den Administratoren vorbehalten.',
      },
      help: 'Wenn Sie Zugriff haben sollten, wenden Sie sich an die Verantwortlichen Ihrer Einheit oder an das CO₂-Team.',
    },
    unavailable: {
      open: '{area} mit Ihrer Einheit öffnen',
      'no-unit': { title: 'Keine Einheit verfügbar', body: 'Keine Ihrer Rollen gibt Ihnen in diesem Bereich eine Einheit. Wenden Sie sich an die Verantwortlichen Ihrer Einheit oder an das CO₂-Team.' },
      'unit-unavailable': { title: 'Die Einheit {unit} ist für Sie nicht verfügbar', body: 'Der Link nennt eine Einheit, die Sie nicht öffnen können (oder die es nicht gibt).' },
      'year-unavailable': { title: 'Das Jahr {year} ist nicht geöffnet', body: 'Der Link nennt ein Berichtsjahr, das für Sie nicht geöffnet ist.' },
    },
    notFound: { title: 'Seite nicht gefunden', body: 'Unter dieser Adresse gibt es nichts.', home: 'Zurück zur Startseite' },
    landing: {
      title: 'Treibhausgasemissionen Ihrer Einheit messen und senken',
      body: 'Erfassen Sie Personal, Reisen, Gebäude, Geräte und Einkäufe und sehen Sie, woher Ihre Emissionen stammen.',
      signIn: 'Anmelden',
    },
    home: { title: 'Willkommen, {name}', body: 'Wählen Sie einen Bereich, um zu beginnen.' },
    area: {
      unavailableTitle: 'Dieses Modul ist nicht verfügbar',
      unavailableBody: 'Das Modul {area} konnte nicht geladen werden. Der Rest des Portals funktioniert weiter.',
      retry: 'Erneut versuchen',
    },
    session: { error: 'Ihre Sitzung konnte nicht geprüft werden: {message}', retry: 'Neu laden' },
  },
} satisfies RemoteMessages;
