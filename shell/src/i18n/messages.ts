import type { RemoteMessages } from '@co2/shell-sdk';

export const messages = {
  en: {
    app: { name: 'CO₂ Calculator', skip: 'Skip to content', loading: 'Loading…' },
    nav: { label: 'Main navigation', home: 'Home', inventory: 'Inventory', travel: 'Travel', dashboard: 'Dashboard', backoffice: 'Backoffice' },
    lang: { label: 'Language', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Account menu for {name}', signOut: 'Sign out', signingOut: 'Signing out…', signOutFailed: 'Sign-out failed. Please try again.' },
    context: { label: 'Working context', unit: 'Unit', year: 'Year', noUnit: 'No unit' },
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
    notFound: 'Page not found.',
  },
  fr: {
    app: { name: 'Calculateur CO₂', skip: 'Aller au contenu', loading: 'Chargement…' },
    nav: { label: 'Navigation principale', home: 'Accueil', inventory: 'Inventaire', travel: 'Voyages', dashboard: 'Tableau de bord', backoffice: 'Backoffice' },
    lang: { label: 'Langue', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Menu du compte de {name}', signOut: 'Se déconnecter', signingOut: 'Déconnexion…', signOutFailed: 'La déconnexion a échoué. Veuillez réessayer.' },
    context: { label: 'Contexte de travail', unit: 'Unité', year: 'Année', noUnit: 'Aucune unité' },
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
    notFound: 'Page introuvable.',
  },
  de: {
    app: { name: 'CO₂-Rechner', skip: 'Zum Inhalt springen', loading: 'Wird geladen…' },
    nav: { label: 'Hauptnavigation', home: 'Start', inventory: 'Inventar', travel: 'Reisen', dashboard: 'Übersicht', backoffice: 'Backoffice' },
    lang: { label: 'Sprache', en: 'English', fr: 'Français', de: 'Deutsch' },
    user: { menu: 'Kontomenü von {name}', signOut: 'Abmelden', signingOut: 'Abmeldung…', signOutFailed: 'Abmelden fehlgeschlagen. Bitte erneut versuchen.' },
    context: { label: 'Arbeitskontext', unit: 'Einheit', year: 'Jahr', noUnit: 'Keine Einheit' },
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
    notFound: 'Seite nicht gefunden.',
  },
} satisfies RemoteMessages;
