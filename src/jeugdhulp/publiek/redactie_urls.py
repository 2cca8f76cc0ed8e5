from django.urls import path

from jeugdhulp.publiek import redactie

app_name = "redactie"
urlpatterns = [
    path("", redactie.Overzicht.as_view(), name="overzicht"),
    path("diensten/<uuid:pk>/", redactie.DienstBewerken.as_view(), name="dienst"),
    path("diensten/<uuid:pk>/gecontroleerd/", redactie.DienstGecontroleerd.as_view(), name="gecontroleerd"),
    path("correcties/<int:pk>/afgehandeld/", redactie.CorrectieAfgehandeld.as_view(), name="correctie"),
    path("paginas/nieuw/", redactie.PaginaNieuw.as_view(), name="pagina_nieuw"),
    path("paginas/<int:pk>/", redactie.PaginaBewerken.as_view(), name="pagina"),
    path("bijeenkomsten/nieuw/", redactie.BijeenkomstNieuw.as_view(), name="bijeenkomst_nieuw"),
    path("bijeenkomsten/<int:pk>/", redactie.BijeenkomstBewerken.as_view(), name="bijeenkomst"),
]
