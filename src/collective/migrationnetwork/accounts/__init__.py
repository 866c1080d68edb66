"""Accounts: one account, one proven address.

- ``tokens``: signed, expiring links with a secret of the site.
- ``invitation``: an approved application whose address already has an
  account invites that account's owner, who accepts by mail.
- ``email_change``: a member's new e-mail address takes effect once it is
  confirmed through a link sent to it; two accounts never share one.
"""
