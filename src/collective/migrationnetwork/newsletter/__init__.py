"""The newsletter: subscribers, tokens, segments, composing and sending.

- ``store``: the subscribers, in a BTree on the portal (never content);
- ``tokens``: signed, expiring tokens for the links of the mails;
- ``subscription``: subscribe, confirm, change preferences, unsubscribe;
- ``segments``: which subscribers an issue goes to;
- ``compose``: an issue as a mail in one language (HTML and text);
- ``sending``: the send job recorded by the ``send`` transition;
- ``delivery``: each subscriber's mail, made when the outbox's deliverer
  sends it (the report and retry read the outbox);
- ``manage``: counts, CSV export and erasure for the newsletter editors.
"""
