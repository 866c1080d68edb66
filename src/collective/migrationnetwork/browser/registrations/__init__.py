"""Classic UI of registrations: the form on a training's page
(``@@register``), *my registration* by its signed link, and the
organisers' *Registrations* tab."""
