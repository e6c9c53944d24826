// Descope's web component as its README registers it: importing the package defines <descope-wc>.
import '@descope/web-component';
