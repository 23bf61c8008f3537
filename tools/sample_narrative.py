"""Narrative of the bundled sample workbook: the paragraphs the agency itself wrote in the reference
LKIP 2024 of Diskominfostandi Kota Bekasi
(``../shared/reference/lkip-2024-diskominfostandi-bekasi.md``), one row of the Narasi sheet per
paragraph or list item.

Plain data, imported by ``tools/make_sample.py``. The wording is the reference's own (its typos
included); only page breaks, list markers and Markdown links were removed. Sentences that state a
figure the tool computes (capaian, budget paragraphs, counts of programs and sub kegiatan, lists
derived from the sheets) are left out on purpose: the report generates them from the data.
``samples/README.md`` lists the few sentences that were shortened for that reason.

Each row is (Bagian, Kode IKU, Jenis, Tingkat, Teks); ``NARASI`` turns them into dicts keyed by the
Narasi sheet's column keys. ``**tebal**`` and ``*miring*`` are the contract's markup.

Two more texts transcribed from the .md live here too: ``CATATAN_EVALUASI`` (the Inspektorat's
notes, Catatan Evaluasi column of the Evaluasi AKIP sheet) and ``PRESTASI`` (the items of 3.4).
"""

# Bagian (contract.NARRATIVE_SECTIONS labels)
KP = "Kata Pengantar"
LB = "Latar Belakang"
TF = "Tugas, Fungsi dan Struktur"
AS = "Aspek Strategis"
LY = "Layanan Produk"
RS = "Rencana Strategis"
IU = "Indikator Kinerja Utama"
PK = "Perjanjian Kinerja"
CO = "Capaian Kinerja Organisasi"
AC = "Analisis Capaian Organisasi"
PN = "Perencanaan Kinerja"
PJ = "Penjelasan IKU"
PT = "Analisis Perbandingan Tahun Lalu"
PY = "Penyebab Keberhasilan/Kegagalan"
PR = "Analisis Target Renstra"
EF = "Analisis Efisiensi"
LG = "Langkah Tahun Depan"
PS = "Prestasi"
KS = "Kesimpulan"

# Jenis
PAR = "Paragraf"
SUB = "Subjudul"
ANG = "Butir Angka"
HUR = "Butir Huruf"
POI = "Butir Poin"

NARASI_ROWS = [
    (KP, None, PAR, 1,
     "Berkat Rahmat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (*LKIP*) Dinas "
     "Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi dapat diterbitkan. Dengan "
     "telah berakhirnya Tahun 2024 Dinas Komunikasi, Informatika, Statistik dan Persandian Kota "
     "Bekasi telah menyelesaikan kegiatannya untuk Tahun Anggaran 2024 dikaitkan dengan Rencana "
     "Pembangunan Daerah (*RPD*) Kota Bekasi Tahun 2024-2026 yang telah digunakan sebagai acuan "
     "bagi Pelaksanaan Kegiatan Dinas Komunikasi, Informatika, Statistik dan Persandian Kota "
     "Bekasi."),
    (KP, None, PAR, 1, "Penyusunan LKIP ini dimaksudkan untuk :"),
    (KP, None, HUR, 1,
     "Menyelenggarakan Tugas Umum Pemerintahan dan Pembangunan secara Baik dan Benar yang "
     "didasarkan kepada Perundang-undangan yang berlaku;"),
    (KP, None, HUR, 1,
     "Menjadikan Instansi Pemerintah yang Akuntabel, sehingga dapat melaksanakan Tugas secara "
     "Efisien, Efektif dan Responsif;"),
    (KP, None, HUR, 1,
     "Menjadikan Masukan dan Umpan Balik bagi Pihak-pihak yang berkepentingan dalam rangka "
     "menyangkut Kinerja Instansi Pemerintah;"),
    (KP, None, HUR, 1,
     "Sebagai Media Komunikasi yang berisi Informasi Capaian Kinerja yang diperlukan untuk "
     "memperbaiki Kinerja di Masa Mendatang."),
    (KP, None, PAR, 1,
     "Akhirnya Laporan ini dapat tersaji menjadi Sarana Evaluasi yang Konstruktif dan dapat "
     "memberi Manfaat yang Optimal serta dimaknai secara Positif oleh Seluruh Jajaran Dinas "
     "Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi bagi Peningkatan Manajemen "
     "Kinerja yang lebih baik di Masa Mendatang."),

    (LB, None, PAR, 1,
     "Pembangunan Daerah merupakan salah satu Sub Sistem dari Pembangunan Nasional yang meliputi "
     "Kehidupan Bermasyarakat, Berbangsa dan Bernegara yang ditujukan untuk Meningkatkan Harkat, "
     "Martabat dan Memperkuat Jati Diri serta Kepribadian Masyarakat dalam Pendekatan Lokal, "
     "Nasional dan *Global*. Dalam Perspektif Perencanaan Pembangunan, Pemerintah Daerah harus "
     "memperhatikan Keseimbangan berbagai Aspek dalam Satu Kesatuan Wilayah Pembangunan Ekonomi, "
     "Hukum, Sosial, Budaya, Politik, Pemerintahan dan Lingkungan Hidup untuk mendukung "
     "Pembangunan yang berkelanjutan, dengan diikuti oleh Penyelenggaraan Pemerintahan yang "
     "Akuntabel (*Good Governance*)."),
    (LB, None, PAR, 1,
     "Pemerintahan yang Akuntabel merupakan sebuah keharusan yang perlu dilaksanakan dalam Usaha "
     "mewujudkan Visi dan Misi Pembangunan Daerah dan Aspirasi serta Cita-cita Masyarakat dalam "
     "mencapai Masa Depan yang lebih baik. Berkaitan dengan hal itu, diperlukan Pengembangan dan "
     "Penerapan Sistem Pertanggungjawaban yang Tepat, Jelas dan Terukur, sehingga Penyelenggaraan "
     "Pemerintahan dan Pembangunan dapat berlangsung secara Berdaya Guna, Berhasil Guna serta "
     "Bebas dari Korupsi, Kolusi dan Nepotisme (*KKN*)."),
    (LB, None, PAR, 1,
     "Sejalan dengan hal tersebut bahwa setiap Kegiatan dan Hasil Akhir dari Kegiatan "
     "Penyelenggara Negara harus dipertanggungjawabkan kepada Masyarakat dan Rakyat sebagai "
     "Pemegang Kedaulatan Tertinggi Negara, setiap Instansi Pemerintah sebagai Unsur "
     "Penyelenggara Negara mulai dari Pejabatnya untuk Mempertanggungjawabkan Pelaksanaan Tugas "
     "Pokok dan Fungsinya yang dipercayakan padanya berdasarkan Rencana Strategis (*RENSTRA*) "
     "yang dirumuskan sebelumnya. Pertanggungjawaban yang dimaksud disampaikan kepada Atasan "
     "masing-masing, kepada Lembaga-lembaga Pengawasan dan Penilai Akuntabilitas yang "
     "Berkewenangan dan akhirnya kepada Presiden selaku Kepala Pemerintahan serta dilakukan "
     "melalui Sistem Akuntabilitas dan Media Pertanggungjawaban yang harus dilaksanakan secara "
     "Periodik dan Melembaga."),
    (LB, None, PAR, 1,
     "Undang-Undang Nomor 23 Tahun 2014 Mengamanatkan bahwa untuk Mewujudkan Pemerintahan yang "
     "Baik (*Good Governance*), berdasarkan Prinsip Transparansi, Partisipasi, Efektif, Efesien, "
     "Akuntabel dan Berkelanjutan, diperlukan Manajemen Strategis yang menempatkan Organisasi "
     "pada Titik yang Strategis, sehingga akan diperoleh Prospek (*keuntungan/kemakmuran*), "
     "terutama untuk Meningkatkan Pelayanan kepada Masyarakat."),
    (LB, None, PAR, 1,
     "Penerapan Manajemen Strategis di Indonesia pada Sektor Publik, secara Formal diperkenalkan "
     "Tahun 1999, dengan dikeluarkannya Instruksi Presiden Nomor 7 Tahun 1999 tentang "
     "Akuntabilitas Kinerja Instansi Pemerintah (*AKIP*), yang dituangkan di dalam Rencana "
     "Strategis Organisasi yang merupakan Perwujudan Kewajiban Instansi Bersangkutan untuk "
     "Mempertanggungjawabkan Keberhasilan ataupun Kegagalan Penyelenggaraan Misi Instansi meraih "
     "Tujuan serta Sasaran yang telah ditetapkan."),
    (LB, None, PAR, 1,
     "Berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang *Sistem Akuntabilitas Kinerja "
     "Isntasi Pemerintah (SAKIP)* Pasal 2 Ayat (1) *mengamanatkan bahwa Penyelenggaraan SAKIP "
     "dilaksanakan untuk penyusunan Laporan Kinerja sesuai dengan ketentuan peraturan "
     "perundang-undangan.*"),
    (LB, None, PAR, 1,
     "Laporan Kinerja adalah Ikhtisar yang menjelaskan secara Ringkas dan Lengkap tentang Capaian "
     "Kinerja yang disusun berdasarkan Rencana Kerja yang ditetapkan dalam Rangka Pelaksanaan "
     "Anggaran Pendapatan dan Belanja Negara / Anggaran Pendapatan dan Belanja Daerah "
     "(*APBN/APBD*)."),
    (LB, None, PAR, 1,
     "Selanjutnya, Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
     "53 Tahun 2014 tentang *Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
     "Reviu atas Laporan Kinerja Instansi Pemerintah*, diuraikan bahwa Laporan Kinerja merupakan "
     "Bentuk Akuntabilitas dari Pelaksanaan Tugas dan Fungsi yang dipercayakan kepada setiap "
     "Instansi Pemerintah atas Penggunaan Anggaran. Hal terpenting yang diperlukan dalam "
     "Penyusunan Laporan Kinerja adalah Pengukuran Kinerja dan Evaluasi serta Pengungkapan "
     "(*Disclosure*) secara memadai Hasil Analisis terhadap Pengukuran Kinerja."),
    (LB, None, PAR, 1,
     "Adapun Tujuan Pelaporan Kinerja adalah untuk memberikan Informasi Kinerja yang terukur "
     "kepada Pemberi Mandat atas Kinerja yang telah dan seharusnya dicapai, serta sebagai upaya "
     "perbaikan berkesinambungan bagi Instansi Pemerintah untuk Meningkatkan Kinerjanya. Pada "
     "akhirnya Dinas Komunikasi, Informatika, Statistik dan Persandian (*Diskominfo*) Kota Bekasi "
     "telah menyusun Laporan Kinerja Instansi Pemerintah (*LKIP*) Tahunan dan menyampaikannya "
     "kepada Wali Kota Bekasi."),
    (LB, None, PAR, 1,
     "Penyusunan LKIP Diskominfo Kota Bekasi Tahun 2024 dimaksudkan untuk menyajikan Capaian "
     "Kinerja Diskominfo Kota Bekasi dalam 1 (*satu*) Tahun Anggaran yang dikaitkan dengan Proses "
     "Pencapaian Indikator Sasaran yang telah ditetapkan. Tujuan Penyusunan LKIP Diskominfo Kota "
     "Bekasi adalah sebagai Sarana bagi Diskominfo Kota Bekasi dalam menyampaikan "
     "Pertanggungjawaban Kinerja kepada Seluruh Pemangku Kepentingan (*Wali Kota Bekasi, DPRD "
     "Kota Bekasi dan Masyarakat Kota Bekasi*) atas Pelaksanaan Tugas, Fungsi dan Kewenangan "
     "Pengelolaan Sumber Daya yang telah dipercayakan kepada Diskominfo Kota Bekasi. Selain "
     "sebagai Bahan Evaluasi Akuntabilitas Kinerja, LKIP diharapkan dapat bermanfaat dalam rangka "
     ":"),
    (LB, None, HUR, 1,
     "Mendorong untuk dapat melaksanakan Tugas Umum Pemerintahan Diskominfo Kota Bekasi dan "
     "Pembangunan secara Baik dan Benar, yang didasarkan pada Peraturan Perundang-undangan yang "
     "berlaku, Kebijakan yang Transparan dan dapat dipertanggungjawabkan;"),
    (LB, None, HUR, 1,
     "Menjadikan Diskominfostandi Kota Bekasi yang Akuntabel, sehingga dapat berperan secara "
     "Efisien, Efektif dan Responsif terhadap Aspirasi Masyarakat dan Lingkungan yang Tenram, "
     "Tertib serta Kondusif;"),
    (LB, None, HUR, 1,
     "Menjadikan Masukan dan Umpan Balik dari Pihak-pihak yang Berkepentingan dalam Rangka "
     "Meningkatkan Kinerja Diskominfostandi Kota Bekasi."),
    (LB, None, PAR, 1,
     "Penyusunan LKIP Diskominfostandi Kota Bekasi Tahun 2024 dimaksudkan untuk menyajikan "
     "Capaian Indikator Kinerja Utama (IKU) Diskominfostandi Kota Bekasi dalam 1 (*satu*) Tahun "
     "Anggaran 2024 yang terdapat dalam RENSTRA Diskominfostandi Kota Bekasi Tahun 2024-2026 yang "
     "mengacu pada Rencana Pembangunan Daerah (RPD) Kota Bekasi Tahun 2024-2026. IKU "
     "Diskominfostandi Kota Bekasi yang ada dalam RPD Kota Bekasi 2024-2026 maupun Sasaran yang "
     "ada pada RENSTRA Diskominfostandi Kota Bekasi Tahun 2024-2026 sebagai berikut :"),
    (LB, None, ANG, 1,
     "IKU Diskominfostandi Kota Bekasi yang *pertama* adalah **Indeks Layanan Publik Berbasis "
     "IT**. Indikator ini dipergunakan sebagai Alat Ukur untuk Melihat Ketercapaian Sasaran "
     "Renstra Diskominfostandi Kota Bekasi yaitu *Meningkatnya Penyelenggaraan Layanan Publik "
     "Komunikasi dan Informasi secara Elektronik (Digital Government Pemerintah Kota Bekasi)*;"),
    (LB, None, ANG, 1,
     "IKU Diskominfostandi Kota Bekasi yang *kedua* adalah **Nilai Akuntabilitas Kinerja Instansi "
     "Pemerintah (AKIP) Diskominfostandi**. Indikator ini dipergunakan sebagai Alat Ukur untuk "
     "Melihat Ketercapaian Sasaran Renstra Diskominfostandi Kota Bekasi yaitu *Meningkatnya "
     "Akuntabilitas Kinerja dan Kualitas Pelayanan Diskominfostandi*."),
    (LB, None, PAR, 1,
     "Kedua IKU ini dipergunakan sebagai Alat Ukur untuk Melihat Ketercapaian Sasaran RENSTRA "
     "Diskominfostandi Kota Bekasi untuk Meningkatkan Akuntabilitas Kinerja dan Kualitas "
     "Pelayanan Diskominfostandi Kota Bekasi."),
    (LB, None, PAR, 1,
     "Berdasarkan Latar Belakang ini, untuk melakukan Pembahasan lebih lanjut secara Komprehensif "
     "mengenai Kinerja Diskominfostandi Kota Bekasi pada Tahun 2024 sesuai dengan Perjanjian "
     "Kinerja yang telah dibuat, akan kami uraikan lebih lanjut pada Bab III Akuntabilitas "
     "Kinerja pada LKIP Diskominfostandi Kota Bekasi Tahun 2024 ini."),

    (TF, None, PAR, 1,
     "Diskominfostandi Kota Bekasi merupakan Perangkat Daerah yang Bertanggung Jawab terhadap "
     "Pelaksanaan Tugas dan Fungsi Teknologi Informasi di Daerah. Peran tersebut sangat terlihat "
     "pengaruhnya pada Dinamika Pembangunan di Kota Bekasi, baik yang Berdimensi Lokal, Regional "
     "dan Nasional. Hal ini merupakan Perwujudan Cita-cita dari Visi Kota Bekasi yang Cerdas, "
     "Kreatif, Maju, Sejahtera dan Ihsan. Untuk mendukung semua itu, Seluruh Daya Upaya dilakukan "
     "melalui Beragam Aspek, yaitu *Aspek Penguatan Integrasi, Aspek Sosialisasi, Aspek "
     "Pemerintahan Umum, dan Aspek Pembinaan Aparatur*."),
    (TF, None, PAR, 1,
     "Diskominfostandi Kota Bekasi merupakan salah satu Perangkat Daerah Kota Bekasi yang "
     "dibentuk berdasarkan Peraturan Daerah Kota Bekasi Nomor 07 Tahun 2016 tentang *Susunan dan "
     "Pembentukan Perangkat Daerah Kota Bekasi*. Diskominfostandi Kota Bekasi adalah sebagai "
     "Perangkat Daerah yang merupakan Unsur Pelaksana Kewenangan Daerah dan Kedudukannya berada "
     "di bawah dan Bertanggung Jawab kepada Wali Kota Bekasi melalui Sekretaris Daerah Kota "
     "Bekasi. Diskominfostandi Kota Bekasi mempunyai Tugas Pokok membantu Wali Kota dalam "
     "menyelenggarakan Kebijakan Pelayanan di Bidang Komunikasi, Informatika, Statistik dan "
     "Persandian."),
    (TF, None, PAR, 1,
     "Selanjutnya dalam rangka menjalankan Tugas Pokok tersebut maka Diskominfo Standi Kota "
     "Bekasi memiliki Fungsi sebagai berikut :"),
    (TF, None, HUR, 1,
     "Penetapan Pedoman dan Petunjuk Teknis Penyelenggaraan Urusan Lingkup Bidang Komunikasi, "
     "Informatika, Statistik dan Persandian;"),
    (TF, None, HUR, 1,
     "Pemberian Pelayanan dan Pembinaan kepada unsur terkait di Bidang Komunikasi, Informatika, "
     "Statistik dan Persandian, serta Pelaksanaan Hubungan Kerjasama dengan Perangkat Daerah, "
     "Lembaga atau Instansi terkait dalam rangka Penyelenggaraan Kegiatan Dinas."),
    (TF, None, PAR, 1,
     "Tugas Fungsi Jabatan pada Diskominfo Standi Kota Bekasi berdasarkan Peraturan Wali Kota "
     "Bekasi Nomor 79 Tahun 2016, Peraturan Wali Kota Bekasi Nomor 81 Tahun 2017 dan Peraturan "
     "Wali Kota Bekasi Nomor 54 Tahun 2018 yaitu membantu Wali Kota dalam Menyelenggarakan "
     "Kewenangan di Bidang Pengelolaan Informasi Publik, Teknologi Informasi dan Komunikasi, "
     "*e-Government* serta Statistik dan Persandian yang mencakup Seluruh Bidang Kewenangan "
     "Pemerintah serta Mengevaluasi Pelaksanaannya."),
    (TF, None, PAR, 1,
     "Untuk menjalankan Tugas Pokok tersebut Kepala Dinas dibantu oleh Sekretaris Dinas yang "
     "mengelola Perencanaan, Umum dan Kepegawaian serta Keuangan dan didukung oleh 4 (*empat*) "
     "Bidang yaitu :"),
    (TF, None, HUR, 1, "Bidang Pengelolaan Informasi Publik (*PIP*);"),
    (TF, None, HUR, 1, "Bidang Teknologi Informasi dan Komunikasi (*TIK*);"),
    (TF, None, HUR, 1, "Bidang *e-Government* (*e-Gov*);"),
    (TF, None, HUR, 1, "Bidang Statistik dan Persandian (*Standi*)."),
    (TF, None, PAR, 1,
     "Tugas Pokok Diskominfo Standi Kota Bekasi adalah membantu Wali Kota dalam Memimpin, "
     "Mengendalikan dan Mengkoordinasikan Perumusan Kebijakan Teknis dan Pelaksanaan Urusan "
     "Pemerintahan yang menjadi Kewenangan Pemerintah Daerah Lingkup Bidang Pengelolaan Informasi "
     "Publik, Bidang Teknologi Informasi dan Komunikasi, Bidang e-Government serta Bidang "
     "Statistik dan Persandian."),
    (TF, None, PAR, 1,
     "Untuk Menyelenggarakan Tugas Pokok di atas, Kepala Dinas Kominfostandi Kota Bekasi "
     "mempunyai Fungsi :"),
    (TF, None, HUR, 1,
     "Perumusan dan Penetapan Rencana Strategis dan Rencana Kerja Dinas sesuai dengan Visi dan "
     "Misi Daerah;"),
    (TF, None, HUR, 1,
     "Penetapan Pedoman dan Petunjuk Teknis Penyelenggaraan Urusan Lingkup Bidang Komunikasi, "
     "Informatika, Statistik dan Persandian;"),
    (TF, None, HUR, 1,
     "Pembinaan dan Pengendalian Pelaksanaan Tugas Sekretariat, Bidang-Bidang, UPT dan Kelompok "
     "Jabatan Fungsional;"),
    (TF, None, HUR, 1, "Pembinaan Administrasi Perkantoran;"),
    (TF, None, HUR, 1,
     "Pemberian Pelayanan dan Pembinaan kepada unsur terkait di Bidang Komunikasi, Informatika, "
     "Statistik dan Persandian serta Pelaksanaan Hubungan Kerja Sama dengan Perangkat Daerah, "
     "Lembaga/Instansi terkait dalam rangka Penyelenggaraan Kegiatan Dinas;"),
    (TF, None, HUR, 1, "Pembinaan dan Pengembangan Karir Pegawai Dinas;"),
    (TF, None, HUR, 1, "Pelaksanaan Tugas selaku Pengguna Anggaran/Pengguna Barang;"),
    (TF, None, HUR, 1,
     "Penyusunan dan Penyampaian Laporan Keuangan Dinas sesuai ketentuan yang berlaku;"),
    (TF, None, HUR, 1,
     "Pemberian Laporan Pertanggungjawaban Tugas Dinas kepada Wali Kota melalui Sekretaris Daerah "
     "dan Laporan Kinerja Dinas sesuai ketentuan yang berlaku;"),
    (TF, None, HUR, 1, "Penyelenggaraan Tugas lain yang diberikan oleh Wali Kota."),
    (TF, None, PAR, 1,
     "Layanan dari masing-masing Bidang yang ada di Diskominfostandi Kota Bekasi antara lain, "
     "yaitu :"),
    (TF, None, SUB, 1, "1. Bidang Pengelolaan Informasi Publik (PIP)"),
    (TF, None, PAR, 1,
     "*Memimpin, Mengendalikan dan Mengkoordinasikan Perumusan Kebijakan Teknis dan Pelaksanaan "
     "Urusan Pemerintahan yang menjadi Kewenangan Dinas yang meliputi Pengelolaan Informasi "
     "Publik, Strategi Komunikasi Publik serta Layanan Komunikasi dan Informasi Publik untuk "
     "Mencapai Pelaksanaan Teknis Urusan di Bidangnyanya.*"),
    (TF, None, SUB, 1, "2. Bidang Teknologi Informasi dan Komunikasi (TIK)"),
    (TF, None, PAR, 1,
     "*Memimpin, Mengendalikan dan Mengkoordinasikan Perumusan Kebijakan Teknis dan Pelaksanaan "
     "Urusan Pemerintahan yang menjadi Kewenangan Dinas yang meliputi Infrastruktur Jaringan TIK "
     "dan Telekomunikasi, Infrastruktur Layanan Data Center serta Keamanan Informasi untuk "
     "mencapai Pelaksanaan Teknis Urusan di Bidangnyanya.*"),
    (TF, None, SUB, 1, "3. Bidang e-Government (e-Gov)"),
    (TF, None, PAR, 1,
     "*Memimpin, Mengendalikan dan Mengkoordinasikan Perumusan Kebijakan Teknis dan Pelaksanaan "
     "Urusan Pemerintahan yang menjadi Kewenangan Dinas yang meliputi Pengembangan Aplikasi dan "
     "Integrasi Sistem Informasi, Pengembangan e-Government serta Tata Kelola e-Government untuk "
     "mencapai Pelaksanaan Teknis Urusan di Bidangnyanya.*"),
    (TF, None, SUB, 1, "4. Bidang Statistik dan Persandian (Standi)"),
    (TF, None, PAR, 1,
     "*Memimpin, Mengendalikan dan Mengkoordinasikan Perumusan Kebijakan Teknis dan Pelaksanaan "
     "Urusan Pemerintahan yang menjadi Kewenangan Dinas yang meliputi Statistik Sektoral I, "
     "Statistik Sektoral II dan Persandian untuk mencapai Pelaksanaan Teknis Urusan di "
     "Bidangnyanya.*"),
    (TF, None, PAR, 1, "Susunan Organisasi Diskominfostandi Kota Bekasi terdiri atas :"),
    (TF, None, ANG, 1, "Kepala Dinas;"),
    (TF, None, ANG, 1, "Sekretariat, membawahkan :"),
    (TF, None, HUR, 2, "Sub Bagian Umum dan Kepegawaian;"),
    (TF, None, HUR, 2, "Sub Bagian Keuangan;"),
    (TF, None, HUR, 2, "Substansi Perencanaan."),
    (TF, None, ANG, 1, "Bidang Pengelolaan Informasi Publik (PIP), membawahkan :"),
    (TF, None, HUR, 2, "Substansi Komunikasi Publik;"),
    (TF, None, HUR, 2, "Substansi Pengelolaan Informasi Publik;"),
    (TF, None, HUR, 2, "Substansi Layanan Komunikasi dan Informasi Publik."),
    (TF, None, ANG, 1, "Bidang Teknologi Informasi dan komunikasi (*TIK*), membawahkan :"),
    (TF, None, HUR, 2, "Substansi Infrastruktur Jaringan TIK dan Komunikasi;"),
    (TF, None, HUR, 2, "Substansi Infrastruktur Layanan Data Center;"),
    (TF, None, HUR, 2, "Substansi Keamanan Informasi."),
    (TF, None, ANG, 1, "Bidang *e-Government (e-Gov)*, membawahkan :"),
    (TF, None, HUR, 2, "Substansi Pengembangan Aplikasi dan Integrasi Sistem Informasi;"),
    (TF, None, HUR, 2, "Substansi Pengembangan *e-Government*;"),
    (TF, None, HUR, 2, "Substansi Tata Kelola *e-Government*."),
    (TF, None, ANG, 1, "Bidang Statistik dan Persandian, membawahkan :"),
    (TF, None, HUR, 2, "Substansi Statistik Sektor I;"),
    (TF, None, HUR, 2, "Substansi Statistik Sektor II;"),
    (TF, None, HUR, 2, "Substansi Persandian."),
    (TF, None, ANG, 1, "Jabatan Fungsional."),
    (TF, None, PAR, 1,
     "Sesuai dengan Peraturan Wali Kota Bekasi Nomor 79 Tahun 2016, Peraturan Wali Kota Bekasi "
     "Nomor 81 Tahun 2017, Peraturan Wali Kota Bekasi Nomor 54 Tahun 2018 dan Keputusan Wali Kota "
     "Bekasi : 060/Kep-16-Org/I/2023"),

    (AS, None, PAR, 1,
     "Kota Bekasi yang merupakan salah satu Wilayah Bagian dari Provinsi Jawa Barat yang memiliki "
     "Luas Wilayah sekitar 210,49 km² atau 21.049 ha, dengan Batas Administrasi sebagai berikut :"),
    (AS, None, POI, 1, "Sebelah Utara : Kabupaten Bekasi;"),
    (AS, None, POI, 1, "Sebelah Selatan : Kabupaten Bogor dan Kota Depok;"),
    (AS, None, POI, 1, "Sebelah Barat : Provinsi DKI Jakarta;"),
    (AS, None, POI, 1, "Sebelah Timur : Kabupaten Bekasi."),
    (AS, None, PAR, 1,
     "Sedangkan secara Astronomis, Wilayah Kota Bekasi terletak pada 106°48'28\" - 107°27'29\" "
     "Bujur Timur dan 6°10'6\" - 6°30'6\" Lintang Selatan."),
    (AS, None, PAR, 1,
     "Wilayah Kota Bekasi berupa Daratan yang diapit oleh Wilayah Kota Depok dan Kabupaten Bogor, "
     "Kabupaten Bekasi dan Provinsi Jakarta. Kondisi ini mempengaruhi Potensi Daerah dan Arah "
     "Perkembangan Kota Bekasi."),
    (AS, None, PAR, 1,
     "Secara Administratif Kota Bekasi dibagi menjadi 12 Wilayah Kecamatan yaitu: Pondok Gede, "
     "Jatisampurna, Pondok Melati, Jatiasih, Bantar Gebang, Mustika Jaya, Bekasi Timur, "
     "Rawalumbu, Bekasi Selatan, Bekasi Barat, Medan Satria dan Bekasi Utara."),
    (AS, None, PAR, 1,
     "Kota Bekasi telah menjelma menjadi Kota Megapolitan yang mengandalkan Jasa dan Perdagangan "
     "sebagai Motor Penggerak Roda Perekonomiannya, dan menyadari hal tersebut maka sesuai dengan "
     "Urusan serta Kewenangan yang dimilikinya, Diskominfostandi Kota Bekasi Berkomitmen menjadi "
     "Pengaktif (*enabler*) bagi Pelayanan Informasi dan Komunikasi Publik yang Berbasis Data dan "
     "Teknologi Informasi dalam Menyediakan Layanan Publik yang Tepat, Cepat, Adaptif dan Solutif "
     "bagi Masyarakat Kota Bekasi."),
    (AS, None, PAR, 1,
     "Diperlukan Komitmen yang Kuat dari Seluruh Jajaran Diskominfostandi Kota Bekasi untuk "
     "Merealisasi Komitmen tersebut melalui faktor-faktor kunci keberhasilan, sebagai berikut :"),
    (AS, None, ANG, 1,
     "Keterpaduan Perencanaan bersama Perangkat Daerah lainnya dalam Mewujudkan *Bekasi Smart "
     "City*;"),
    (AS, None, ANG, 1,
     "Kerjasama dan Kolaborasi yang Kuat dari Seluruh Aparatur Diskominfostandi Kota Bekasi untuk "
     "Meningkatkan Kualitas Pelayanan Informasi dan Komunikasi Publik yang Berbasis Data dan "
     "Teknologi Informasi melalui Semangat Diskominfostandi Kota Bekasi yaitu KITA (*Kreatif, "
     "Inovatif, Terampil dan Akuntabel*);"),
    (AS, None, ANG, 1,
     "Kemitraan Strategis yang Harmonis dengan Media Massa baik Cetak maupun Elektronik serta "
     "Lembaga-Lembaga Masyarakat dan Komunitas yang ada di Kota Bekasi dalam Rangka Mempercepat "
     "Penyampaian Informasi kepada Masyarakat;"),
    (AS, None, ANG, 1,
     "Terintegrasinya Berbagai Aplikasi Pemerintahan serta Layanan Berbasis *e-Government*, serta "
     "Inovasi-inovasi Berkelanjutan dalam Teknologi Informasi dan Komunikasi;"),
    (AS, None, ANG, 1,
     "Tersedianya Data-data dari Perangkat Daerah di Lingkungan Pemerintah Kota Bekasi yang "
     "dibutuhkan oleh Masyarakat;"),
    (AS, None, ANG, 1,
     "Dibangunnya Jalur Komunikasi Publik Langsung antara Kepala Daerah beserta Perangkat Daerah "
     "terkait dengan Masyarakat secara Interaktif yang didukung dengan Sarana Media Informasi "
     "(*Instagram, Facebook, Website, Call Center, SPAN LAPOR*) sebagai Media Digital dan "
     "Publikasi sehingga dapat Mempercepat Informasi Pemerintah Kota Bekasi;"),
    (AS, None, ANG, 1,
     "Tersedianya Kualitas Sumber Daya Manusia (*SDM*) di Bidang Informasi dan Komunikasi dengan "
     "mengikut sertakan Pegawai dalam Program Peningkatan Kompetensi Aparatur."),
    (AS, None, PAR, 1,
     "Tantangan yang dihadapi Diskominfostandi Kota Bekasi adalah sebagai berikut :"),
    (AS, None, ANG, 1,
     "Terbatasnya SDM yang memiliki Kompetensi dan Keahlian Khusus dalam Pengembangan "
     "*e-Government* dan TIK, Informasi dan Komunikasi Publik serta Statistik dan Persandian;"),
    (AS, None, ANG, 1,
     "Pengembangan Kebijakan Bidang Komunikasi dan Informasi, Pengelolaan dan Penyebaran "
     "Informasi Publik;"),
    (AS, None, ANG, 1,
     "Tinggi kebutuhan Masyarakat untuk dapat memperoleh Informasi Publik dalam Rangka Mewujudkan "
     "Penyelenggaraan Negara yang Transparan, Efektif, Efisien dan Akuntabel serta dapat "
     "dipertanggungjawabkan;"),
    (AS, None, ANG, 1,
     "Perkembangan *e-Government* secara Parsial sehingga belum dapat dirasakan manfaatnya secara "
     "optimal."),

    (LY, None, PAR, 1,
     "Dalam melaksanakan Tugas dan Fungsinya, Diskominfostandi Kota Bekasi memberikan Pelayanan "
     "dan Pembinaan kepada Unsur terkait dibidang Komunikasi, Informatika, Statistik dan "
     "Persandian, serta Pelaksanaan Hubungan Kerjasama dengan Peangkat Daerah, Lembaga atau "
     "Instansi terkait, dalam menjalankan Peraturan Daerah Kota Bekasi Nomor 03 Tahun 2020 "
     "tentang Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Lingkungan Pemerintah "
     "Kota Bekasi, pada pasal 17 *Layanan Sistem Pemerintahan Berbasis Elektronik terdiri atas "
     "Layanan Administrasi Pemerintahan Berbasis Elektronik dan Layanan Publik Berbasis "
     "Elektronik*. Adapun Produk Layanan Diskominfostandi Kota Bekasi diantaranya, yaitu :"),
    (LY, None, ANG, 1, "Layanan Infrastruktur Jaringan;"),
    (LY, None, ANG, 1, "Layanan Infrastruktur Pusat Data;"),
    (LY, None, ANG, 1, "Layanan Keamanan Informasi;"),
    (LY, None, ANG, 1,
     "Layanan Pengelolaan Sistem Website Pemerintah Kota Bekasi dan Sistem Website Perangkat "
     "Daerah;"),
    (LY, None, ANG, 1, "Layanan Pengelolaan Sistem *e-Mail* Perangkat Daerah;"),
    (LY, None, ANG, 1, "Layanan Pembangunan dan Pengembangan Aplikasi Perangkat Daerah;"),
    (LY, None, ANG, 1, "Layanan Integrasi Aplikasi Perangkat Daerah;"),
    (LY, None, ANG, 1,
     "Layanan Fasilitasi Pelaksanaan Rapat Dinas Berbasis Digital (*Video Conference*);"),
    (LY, None, ANG, 1, "Layanan Call Center 1500 444;"),
    (LY, None, ANG, 1, "Layanan SP4N Laporan;"),
    (LY, None, ANG, 1,
     "Layanan Publikasi Informasi (*Infografis atau Videografi*) melalui akun Media Sosial, "
     "*Facebook, Instagram, Twitter dan Youtube*;"),
    (LY, None, ANG, 1,
     "Layanan Publikasi Informasi melalui Website bekasikota.go.id dan "
     "diskominfo.bekasikota.go.id;"),
    (LY, None, ANG, 1,
     "Layanan Kerjasama dengan Bina Insani dan Lembaga Pendidikan Haltev.id dalam kegiatan "
     "Pelatihan Pemrograman;"),
    (LY, None, ANG, 1, "Layanan Produksi Video dengan Konten Liputan Kegiatan."),

    (PN, None, PAR, 1,
     "Perencanaan Kinerja merupakan proses penyusunan Rencana Kinerja sebagai penjabaran dari "
     "Sasaran dan Program yang telah ditetapkan dalam Rencana Strategis, yang dilaksanakan oleh "
     "Instansi Pemerintah melalui berbagai Kegiatan Tahunan. Di dalam Rencana Kinerja ditetapkan "
     "Rencana Capaian Kinerja Tahunan untuk seluruh Indikator Kinerja yang ada pada tingkat "
     "Sasaran dan Kegiatan. Penyusunan dan Kebijakan Anggaran, serta merupakan Komitmen bagi "
     "Instansi untuk mencapainya dalam Tahun tertentu."),
    (PN, None, PAR, 1,
     "Perencanaan Kinerja pada Diskominfostandi Kota Bekasi Tahun 2024 didasarkan atas Rencana "
     "Startegis Tahun 2024-2026 dan Perjanjian Kinerja antara Wali Kota Bekasi dan Kepala "
     "Diskominfostandi Kota Bekasi tahun 2024, berikut akan diuraikan Perencanaan Kinerja "
     "Diskominfostandi Kota Bekasi Tahun 2024."),

    (RS, None, PAR, 1,
     "Tujuan merupakan Penjabaran atau Implementasi dari pernyataan Misi. Tujuan adalah hasil "
     "akhir yang akan dicapai atau dihasilkan dalam jangka waktu 1 (*satu*) sampai dengan 3 "
     "(*tiga*) Tahun, Tujuan Organisasi harus Konsisten dengan Tugas dan Fungsinya. Secara "
     "kolektif Tujuan Organisasi menggambarkan arah Strategis Organisasi dan perbaikan-perbaikan "
     "yang ingin dicapai sesuai Tugas dan Fungsi Organisasi. Dalam rangka mencapai Tujuan "
     "Organisasi, maka Diskominfostandi Kota Bekasi menetapkan Tujuan Organisasinya yaitu "
     "“*Meningkatkan Efektifitas dan Efisiensi Penyelenggaraan Layanan Publik Berbasis Teknologi "
     "Informasi*” dan “*Meningkatkan Akuntabilitas Kinerja dan Kualitas Pelayanan "
     "Diskominfostandi*”."),
    (RS, None, PAR, 1,
     "Dalam rangka mencapai Tujuan tersebut, dirumuskan Sasaran yaitu rumusan kondisi yang "
     "menggambarkan tercapainya Tujuan, berupa hasil Kinerja Perangkat Daerah yang diperoleh dari "
     "Pencapaian Hasil (*outcome*) Program Perangkat Daerah. Sasaran juga merupakan penjabaran "
     "dari Tujuan yang diperoleh secara terukur dan nyata akan merupakan hasil yang akan dicapai "
     "dalam setiap Tahun. Sasaran merupakan bagian *internal* dari Perencanaan Strategis "
     "Perangkat Daerah bersifat *spesifik*, dapat diukur ketercapiannya dengan berorientasi pada "
     "hasil untuk Akhir Periode."),

    (IU, None, PAR, 1,
     "Indikator Kinerja Utama (*IKU/Key Performance Indikator*) adalah ukuran keberhasilan dari "
     "suatu Tujuan dan Sasaran Strategis Organisasi. Tujuan Penetapan Indikator Kinerja Utama "
     "yaitu :"),
    (IU, None, ANG, 1,
     "Untuk memperoleh Informasi Kinerja yang penting dan diperlukan dalam menyelenggarakan "
     "Manajemen Kinerja secara baik;"),
    (IU, None, ANG, 1,
     "Untuk memperoleh ukuran Keberhasilan dari Pencapaian suatu Tujuan dan Sasaran Strategis "
     "Organisasi yang digunakan untuk Perbaikan Kinerja dan Peningkatan Akuntabilitas Kinerja."),
    (IU, None, PAR, 1,
     "Diskominfostandi Kota Bekasi dalam menentukan IKU berpedoman kepada Peraturan Menteri "
     "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 5 Tahun 2018 "
     "tentang Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik, dengan menggunakan Nilai "
     "Indeks yang mempresentasikan Tingkat Keberhasilan Capaian Kinerja di Diskominfostandi Kota "
     "Bekasi. Selain itu dalam menentukan IKU Diskominfostandi Kota Bekasi juga berpedoman kepada "
     "Rencana Pembangunan Daerah Kota Bekasi Tahun 2024-2026, adapun Perumusan Indikator Kinerja "
     "Utama pada Diskominfostandi Kota Bekasi berdasarkan Tujuan dan Sasaran yang ditetapkan oleh "
     "Diskominfostandi Kota Bekasi dalam Tabel sebagai berikut :"),

    (PK, None, PAR, 1,
     "Berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
     "Republik Indonesia Nomor 53 Tahun 2014. Perjanjian Kinerja adalah Lembar/Dokumen yang "
     "berisikan Penugasan dari Pimpinan Instansi yang lebih tinggi kepada Pimpinan Instansi yang "
     "lebih rendah untuk melaksanakan Program/Kegiatan yang disertai dengan Indikator Kinerja, "
     "melalui Perjanjian Kinerja terwujudlah Komitmen Penerima Amanah dan Kesepakatan antara "
     "Penerima dan Pemberi Amanah atas Kinerja terukur tertentu berdasarkan Tugas, Fungsi dan "
     "Wewenang serta Sumber Daya yang tersedia."),
    (PK, None, PAR, 1,
     "Kinerja yang disepakati tidak dibatasi pada Kinerja yang dihasilkan atas Kegiatan Tahun "
     "bersangkutan, tetapi termasuk (*outcome*) yang seharusnya terwujud akibat Kegiatan "
     "Tahun-tahun sebelumnya. Dengan demikian Target Kinerja yang diperjanjikan juga mencakup "
     "*outcome* yang dihasilkan dari Kegiatan Tahun-tahun sebelumnya, sehingga terwujud "
     "kesinambungan Kinerja setiap tahunnya."),
    (PK, None, PAR, 1, "Adapun tujuan penyusunan Perjanjian Kinerja adalah :"),
    (PK, None, ANG, 1,
     "sebagai dasar Penilaian Keberhasilan/Kegagalan Pencapaian Tujuan dan Sasaran Organisasi dan "
     "sebagai dasar Pemberian Penghargaan dan Sanksi; dan"),
    (PK, None, ANG, 1, "sebagai dasar dalam Penetapan Sasaran Kinerja Pegawai."),

    (CO, None, PAR, 1,
     "Akuntabilitas Kinerja dalam Format Laporan Akuntabilitas Instansi Pemerintah (*LKIP*) "
     "Diskominfostandi Kota Bekasi tidak terlepas dari Rangkaian Mekanisme Fungsi Perencanaan "
     "yang sudah berjalan mulai dari Perencanaan Strategis (*RENSTRA*), Rencana Kerja (*RENJA*) "
     "dan Perjanjian Kinerja (*PK*) Diskominfostandi Kota Bekasi, yang tidak terlepas dari "
     "Pelaksanaan Pembangunan itu sendiri sebagai fungsi *Actuating* dari berbagai Piranti "
     "Perencanaan yang sudah dibuat tersebut, hingga kemudian sampailah pada saat "
     "Pertanggungjawaban Pelaksanaan Pembangunan yang mengerahkan seluruh Sumber Daya Manajemen "
     "pendukungnya."),
    (CO, None, PAR, 1,
     "Pertanggungjawaban Kinerja Pelaksanaan Pembangunan sifatnya terukur, terdapat Standar "
     "Pengukuran antara yang diukur dengan Piranti Pengukurannya. Pertanggungjawaban Pengukuran "
     "yang diukur adalah Kegiatan, Program dan Sasaran, yang prosesnya adalah sejauh mana "
     "Kegiatan, Program dan Sasaran dilaksanakan tidak salah arah dengan berbagai Piranti "
     "Perencanaan yang telah dibuat."),
    (CO, None, PAR, 1,
     "Pengukuran Kinerja merupakan bentuk Penilaian yang dilakukan terhadap keberhasilan dan "
     "kegagalan Pencapaian Tujuan dan Sasaran Diskominfostandi Kota Bekasi yang dilaksanakan "
     "Tahun 2024, untuk mengukur Capaian Kinerja adalah dengan menggunakan Indikator Kinerja, "
     "yang diukur dengan membandingkan Target dan Realisasi, semakin tinggi Realisasi menunjukkan "
     "Pencapaian Kinerja yang semakin baik."),
    (CO, None, PAR, 1,
     "Penilaian Kinerja Sasaran Strategis Diskominfostandi Kota Bekasi menggunakan Indikator "
     "Kinerja dan Target mengacu kepada Pengindeksan Sistem Pemerintahan Berbasis Elektronik "
     "(*SPBE*) seperti tertuang dalam Peraturan Menteri Pendayagunaan Aparatur Negara dan "
     "Reformasi Birokrasi Nomor 5 Tahun 2018 tentang Pedoman Evaluasi Sistem Pemerintahan "
     "Berbasis Elektronik untuk mewujudkan Proses Kerja yang Efisiensi, Efektif, Transparan dan "
     "Akuntabel serta meningkatkan Kualitas Pelayanan Publik, Peraturan Menteri Pendayagunaan "
     "Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan "
     "Survei Kepuasan Masyarakat Unit Penyelenggaraan Pelayanan Publik dan berdasarkan Peraturan "
     "Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
     "(*SAKIP*). Bahwa dalam rangka Peningkatan Kinerja dan Penguatan Akuntabilitas Kinerja "
     "Instansi Pemerintah, perlu dilakukan Evaluasi Akuntabilitas Kinerja Instansi Pemerintah "
     "(*AKIP*) untuk mengetahui sejauh mana Implementasi *SAKIP* suatu Instansi/Unit Kerja. Hasil "
     "Evaluasi *AKIP* ini dinyatakan dalam suatu Nilai dan Peringkat."),

    (AC, None, PAR, 1,
     "Sasaran merupakan penjabaran dari Tujuan atau sesuatu yang akan dicapai/dihasilkan oleh "
     "Diskominfostandi Kota Bekasi dalam Jangka Waktu 3 (*tiga*) Tahun untuk mewujudkan Tujuan "
     "Diskominfostandi Kota Bekasi sebagaimana tertuang dalam RENSTRA Diskominfostandi Kota Bekasi "
     "Tahun 2024-2026, yaitu :"),
    (AC, None, PAR, 1,
     "*“Meningkatkan Efektifitas dan Efisiensi Penyelenggaraan Layanan Publik”.*"),
    (AC, None, PAR, 1,
     "Berdasarkan Capaian Indikator di atas menunjukkan bahwa Indikator Sasaran Diskominfostandi "
     "Kota Bekasi mendukung Tujuan Diskominfostandi Kota Bekasi dan mendukung Capaian Sasaran "
     "Strategis pada RPD Kota Bekasi Tahun 2024-2026."),

    (PJ, "IKU1", PAR, 1,
     "Indikator Sasaran *Indeks Layanan Publik Berbasis IT* ditetapkan sebagai Indikator Kinerja "
     "Utama karena Diskominfostandi Kota Bekasi sesuai dengan Peraturan Presiden Nomor 95 Tahun "
     "2018 tentang tentang Sistem Pemerintahan Berbasis Elektronik (SPBE). SPBE sangat diperlukan "
     "untuk mewujudkan Tata Kelola Pemerintahan yang Bersih, Efektif, Transparan, Akuntabel serta "
     "Berkualitas dan Terpercaya."),
    (PJ, "IKU1", PAR, 1,
     "Dalam Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 5 Tahun "
     "2018 tentang Pedoman Evaluasi Sistem Pemerintahan Berbasis Elektronik disebutkan bahwa "
     "Indeks Layanan Pemerintah/Publik Berbasis Digital atau Indeks SPBE adalah suatu Nilai yang "
     "merepresentasikan tingkat kematangan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik di "
     "Instansi Pusat dan Pemerintah Daerah."),

    (PT, "IKU1", PAR, 1,
     "Berdasarkan Tabel di atas, Realisasi Indikator Kinerja Sasaran *Indeks Layanan Publik "
     "Berbasis IT* Tahun 2024 terhadap Tahun 2023 terjadi perbedaan penetapan pada Targetnya, "
     "dikarenakan untuk Target pada Tahun 2024 menggunakan data pada *RENSTRA* Diskominfostandi "
     "Kota Bekasi Tahun 2024-2026 sedangkan untuk Target pada Tahun 2023 menggunakan data pada "
     "Perubahan *RENSTRA* Diskominfostandi Kota Bekasi Tahun 2018-2023."),

    (PY, "IKU1", PAR, 1,
     "Adapun Faktor Penyebab Keberhasilan Pencapaian Kinerja Indikator Kinerja Sasaran *Indeks "
     "Layanan Publik Berbasis IT* yang meningkat antara lain sebagai berikut :"),
    (PY, "IKU1", ANG, 1,
     "Melakukan Integrasi Database Perangkat Daerah dan Pemeliharaan Layanan Digital Perangkat "
     "Daerah;"),
    (PY, "IKU1", ANG, 1,
     "Telah Terbangunnya Cakupan Unit Kerja yang Terkoneksi dengan Jaringan Primer sesuai dengan "
     "Target;"),
    (PY, "IKU1", ANG, 1,
     "Telah Terpenuhinya *Uptime (Waktu Hidup)* Layanan Infrastruktur Pusat Data dan Pengelolaan "
     "Pusat Data yang berkelanjutan;"),
    (PY, "IKU1", ANG, 1,
     "Telah dilaksanakannya IT Security Assesment pada website 16 (*enam belas*) Perangkat "
     "Daerah;"),
    (PY, "IKU1", ANG, 1,
     "Operasional, Pemantauan dan Konfigurasi Aset, Pemeliharaan, Perangkat Penunjang, Pemantauan "
     "Lingkungan, Penambahan kapasitas UPS, Penggantian perangkat monitoring dan konfigurasi, "
     "power distribution unit, penambahan kapasitas dan monev DRC dan Peningkatan Kapabilitas;"),
    (PY, "IKU1", ANG, 1,
     "Telah dilakukan Monitoring dan Evaluasi Keamanan Informasi serta Penerbitan Sertifikat "
     "Elektronik bagi aparatur dilingkungan Pemerintah Kota Bekasi."),

    (PR, "IKU1", PAR, 1,
     "Dimana Realisasi Indikator Kinerja Sasaran *Indeks Layanan Publik Berbasis IT* Tahun 2024 "
     "terhadap Tahun 2023 terjadi perbedaan penetapan pada Targetnya, dikarenakan untuk Target "
     "pada Tahun 2024 menggunakan data pada *RENSTRA* Diskominfostandi Kota Bekasi Tahun "
     "2024-2026 sedangkan untuk Target pada Tahun 2023 menggunakan data pada Perubahan *RENSTRA* "
     "Diskominfostandi Kota Bekasi Tahun 2018-2023."),

    (EF, "IKU1", PAR, 1,
     "Hal tersebut disebabkan karena Diskominfostandi Kota Bekasi melakukan beberapa upaya "
     "Efisiensi Sumber Daya untuk mencapai Indikator Sasaran Strategis *Indeks Layanan Publik "
     "Berbasis IT*."),

    (LG, "IKU1", PAR, 1,
     "Adapun langkah-langkah yang akan dilakukan pada Tahun 2025 untuk Meningkatkan Capaian "
     "Kinerja atas Indikator Kinerja Utama *Indeks Layanan Publik Berbasis IT*, sebagai berikut :"),
    (LG, "IKU1", ANG, 1, "Mengembangkan Layanan Digital Kota Bekasi pada Tahun Anggaran 2025;"),
    (LG, "IKU1", ANG, 1,
     "Melanjutkan Sistem Penghubung Layanan Pemerintah pada Tahun Anggaran 2025;"),
    (LG, "IKU1", ANG, 1,
     "Memonitor dan Mengevaluasi Realisasi secara Berkala setiap Bulan untuk Memitigasi/Memetakan "
     "setiap *Deviasi* yang ada sedini mungkin agar dapat dilakukan Tindakan dan Langkah-langkah "
     "Strategis Antisipatif pada Tahun Anggaran 2025;"),
    (LG, "IKU1", ANG, 1,
     "Mengawasi dan Mengelola secara *Intesif* untuk Titik *Wi-Fi* yang sudah Terkoneksi dengan "
     "Jaringan *Primer*;"),
    (LG, "IKU1", ANG, 1,
     "Membuat Perencanaan Penentuan Titik *Wi-Fi* yang lebih merata pada Seluruh Kecamatan;"),
    (LG, "IKU1", ANG, 1,
     "Memelihara dan Mengawasi Pengelolaan Jaringan Fiber Optik dengan Respon Cepat;"),
    (LG, "IKU1", ANG, 1,
     "Melanjutkan Operasional Data Centre, Pemeliharaan Data Centre, Layanan, Monitoring, dan "
     "Evaluasi DRC dan Peningkatan Kapasitas Infrastruktur pada Tahun Anggaran 2025;"),
    (LG, "IKU1", ANG, 1,
     "Melakukan Persiapan *Self Assessment* Indeks Keamanan Informasi dengan Mengumpulan "
     "*Evidence* Pendukung, serta tetap Mengimplementasikan Standar dan Kebijakan Sistem "
     "Manajemen Keamanan Informasi yang berlaku;"),
    (LG, "IKU1", ANG, 1,
     "Memetakan Rencana Kegiatan Data Sektoral Berbasis Digital pada Tahun anggaran 2025;"),
    (LG, "IKU1", ANG, 1,
     "Memetakan Kegiatan Penyelenggaraan Keamanan Informasi pada Tahun Anggaran 2025."),

    (PJ, "IKU2", PAR, 1,
     "Indikator Sasaran Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Diskominfostandi "
     "ditetapkan sebagai Indikator Kinerja Utama (IKU) karena Diskominfostandi Kota Bekasi "
     "sejalan dengan Indikator Tingkat Kota Bekasi sebagai Indikator Sasaran Tingkat Kota yang "
     "tertuang dalam RPD Kota Bekasi Tahun 2024-2026 yaitu “Nilai Akuntabilitas Kinerja Instansi "
     "Pemerintah (AKIP)”."),
    (PJ, "IKU2", PAR, 1,
     "Akuntabilitas Kinerja Instansi Pemerintah adalah Perwujudan Kewajiban suatu Instansi "
     "Pemerintah untuk mempertanggungjawabkan Keberhasilan/Kegagalan Pelaksanaan Program/Kegiatan "
     "dengan Sasaran/Target Kinerja secara Periodik."),
    (PJ, "IKU2", PAR, 1,
     "Perhitungan Capaian Indikator ini berdasarkan Hasil Penilaian Lembar Hasil Evaluasi (*LHE*) "
     "SAKIP Inspektorat Kota Bekasi Tahun 2024."),

    (PT, "IKU2", PAR, 1,
     "Indikator Sasaran *Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Diskominfo* "
     "**merupakan Indikator Sasaran Baru yang ditargetkan Tahun 2021** berdasarkan Perubahan "
     "RENSTRA Diskominfo Kota Bekasi Tahun 2018-2023 yang berpedoman kepada Perubahan RPJMD Kota "
     "Bekasi Tahun 2018-2023."),

    (PY, "IKU2", PAR, 1,
     "Adapun Faktor Penyebab belum terpenuhi Pencapaian Kinerja Indikator Kinerja *Nilai "
     "Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Diskominfo* yang meningkat berdasarkan "
     "Surat Inspektur Kota Bekasi Nomor : 700.1.2.1/048-LHE/ITKO.Set tanggal 4 Juli 2024 perihal "
     "Laporan Hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (AKIP) pada Diskominfo "
     "Kota Bekasi Tahun 2024 sebagai berikut yaitu :"),

    (PR, "IKU2", PAR, 1,
     "Diskominfostandi Kota Bekasi kedepan harus ada Langkah-langkah Konkrit untuk meningkatkan "
     "Capaian Kinerja Indikator *Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) "
     "Diskominfostandi*."),

    (EF, "IKU2", PAR, 1,
     "Hal tersebut disebabkan karena Diskominfostandi Kota Bekasi melakukan beberapa upaya "
     "Efisiensi Anggaran untuk mencapai Indikator Sasaran *Nilai Akuntabilitas Kinerja Instansi "
     "Pemerintah (AKIP) Diskominfostandi*."),

    (LG, "IKU2", PAR, 1,
     "Adapun Langkah-langkah yang akan dilakukan pada Tahun 2025 untuk meningkatkan Capaian "
     "Kinerja atas Indikator Kinerja Utama *Nilai Akuntabilitas Kinerja Instansi Pemerintah "
     "(AKIP) Diskominfostandi* adalah sebagai berikut :"),
    (LG, "IKU2", ANG, 1,
     "Menetapkan ukuran keberhasilan terkait Pencapaian Kinerja Sasaran yang diperjanjikan "
     "sebagai dasar menyimpulkan Keberhasilan maupun Kegagalan dari Pencapaian Kinerja Sasaran;"),
    (LG, "IKU2", ANG, 1,
     "Melakukan Pembaharuan (*up-date data*) dalam *website diskominfo.bekasikota.go.id*;"),
    (LG, "IKU2", ANG, 1, "Melakukan Monitoring atas Rencana Aksi secara Bulanan;"),
    (LG, "IKU2", ANG, 1,
     "Mengaitkan *Reward* dan *Punishment* secara Langsung serta Pemberian *Reward* dengan "
     "Kinerja yang ditetapkan dalam Perjanjian Kinerja;"),
    (LG, "IKU2", ANG, 1,
     "Memberikan Rekomendasi yang bisa ditindaklanjuti atas Evaluasi Internal;"),
    (LG, "IKU2", ANG, 1,
     "Meningkatkan Capaian Kinerja Sasaran terutama Indikator yang masih belum mencapai Target "
     "yang ditetapkan dan lebih optimal dalam memanfaatkan Pencapaian Targetnya sehingga Capaian "
     "Kinerja dapat lebih baik dari Tahun sebelumnya."),

    (PS, None, PAR, 1,
     "Prestasi atau Penghargaan yang dicapai oleh Diskominfostandi Kota Bekasi pada Tahun 2024, "
     "sebagai berikut :"),

    (KS, None, PAR, 1,
     "Laporan Kinerja Instansi Pemerintah Diskominfostandi Kota Bekasi Tahun 2024 merupakan "
     "Bentuk Pertanggungjawaban dari Serangkaian Perencanaan Kinerja, Pengukuran, Evaluasi dan "
     "Analisis Capaian Kinerja dalam rangka Pencapaian Tujuan dan Sasaran selama Tahun Anggaran "
     "2024."),
    (KS, None, PAR, 1,
     "Laporan Kinerja Instansi Pemerintah (*LKIP*) ini memberikan Gambaran Tingkat Pencapaian "
     "Sasaran maupun Tujuan Instansi Pemerintah sebagai Jabaran dari Visi, Misi dan Strategi "
     "Instansi Pemerintah yang mengindikasikan Tingkat Keberhasilan dan Kegagalan Pelaksanaan "
     "Kegiatan-kegiatan sesuai dengan Program dan Kebijakan yang ditetapkan sekaligus sebagai "
     "Bentuk Pertanggungjawaban Diskominfostandi Kota Bekasi atas Penyelenggaraan Program dan "
     "Kegiatan Tahun 2024 yang sekaligus menjadi Masukan dan Bahan Pengambilan Keputusan dalam "
     "Perencanaan Tahun berikutnya."),
    (KS, None, PAR, 1,
     "Dalam LKIP ini disimpulkan bahwa secara umum Diskominfostandi Kota Bekasi telah "
     "memperlihatkan Pencapaian Kinerja yang Signifikan atas Sasaran Strategis. Pada Tahun 2024 "
     "Diskominfostandi Kota Bekasi memiliki 2 (*dua*) Sasaran Strategis serta 2 (*dua*) Indikator "
     "Kinerja Utama (IKU) yang telah ditetapkan dalam Renstra Diskominfostandi Kota Bekasi Tahun "
     "2024-2026, serta Perjanjian Kinerja Tahun 2024, Pencapaian Kinerja ini akan Tingkatkan oleh "
     "Seluruh Aparatur di Diskominfostandi Kota Bekasi."),
    (KS, None, PAR, 1,
     "Rencana tindak lanjut Diskominfostandi Kota Bekasi pada Tahun 2025 akan melaksanakan "
     "**prioritas** yang merupakan pelaksanaan Tupoksi yang mendasar yang disesuaikan dengan "
     "perkiraan ketersediaan anggaran tahun depan."),
    (KS, None, PAR, 1,
     "Keberhasilan pelaksanaan Diskominfostandi Kota Bekasi Tahun 2025 sangat ditentukan oleh "
     "kesiapan kelembagaan, ketatalaksanaan, SDM dan sumber pendanaannya serta komitmen semua "
     "pimpinan dan staf Diskominfostandi Kota Bekasi."),
    (KS, None, PAR, 1,
     "Diharapkan semua elemen kelembagaan Diskominfostandi Kota Bekasi dapat melaksanakannya "
     "dengan akuntabel serta senantiasa berorientasi pada peningkatan kinerja lembaga, dan "
     "kinerja pegawai, sesuai dengan tugas pokok dan fungsinya masing-masing."),
    (KS, None, PAR, 1,
     "Demikian semoga Laporan Kinerja Instansi Pemerintah (*LKIP*) Tahun 2024 ini dapat "
     "Bermanfaat untuk lebih Meningkatkan Kinerja Diskominfostandi Kota Bekasi dimasa yang akan "
     "datang."),
]

NARASI = [
    {"bagian": bagian, "kode_iku": kode_iku, "jenis": jenis,
     "tingkat": tingkat if tingkat != 1 else None, "teks": teks}
    for bagian, kode_iku, jenis, tingkat, teks in NARASI_ROWS
]

# Catatan Evaluasi of the Evaluasi AKIP sheet: the Inspektorat's notes per component, as quoted in
# 3.2 (IKU 2, huruf b) of the reference, keyed by the component name of Tabel 3.10 (the reference
# calls the fourth one "Evaluasi Akuntabilitas Kinerja Internal" in this list).
CATATAN_EVALUASI = {
    "Perencanaan Kinerja": (
        "Sebagian besar Penyajian Dokumen Perencanaan Diskominfostandi Kota Bekasi **telah "
        "sesuai** dengan sistematika penyusunan berdasarkan peraturan yang berlaku."),
    "Pengukuran Kinerja": (
        "Dokumen pengukuran kinerja perencanaan Diskominfostandi Kota Bekasi **telah sesuai** "
        "dengan sistematika penyusunan berdasarkan peraturan yang berlaku dengan didukung "
        "Pedoman/SOP Pengumpulan dan Pengolahan Data Capaian Kinerja pada Diskominfostandi Kota "
        "Bekasi, namun perlu diyakinkan kembali keterlibatan pimpinan dalam proses pengukuran "
        "kinerja untuk meningkatkan akuntabilitas."),
    "Pelaporan Kinerja": (
        "Laporan Kinerja Instansi Pemerintah Diskominfostandi Kota Bekasi Tahun 2023 yang "
        "merupakan bentuk Pertanggungjawaban dari serangkaian Kinerja, Pengukuran, Evaluasi dan "
        "Analisis Capaian Kinerja dalam rangka Pencapaian Tujuan dan Sasaran selama Tahun "
        "Anggaran 2023 telah menggambarkan kualitas pencapaian kinerja, informasi keberhasilan "
        "kinerja serta upaya perbaikan untuk memberikan dampak besar dalam mencapai kinerja "
        "berikutnya."),
    "Evaluasi Akuntabilitas Kinerja": "\n".join((
        "Laporan Evaluasi Internal Diskominfostandi Kota Bekasi terhadap progres Perjanjian "
        "Kinerja (*PERKIN*) atas ketercapaian target Indikator Kinerja Sasaran, Indikator Kinerja "
        "Program dan Indikator Kinerja Kegiatan dikaitkan dengan realisasi fisik dan anggaran "
        "pada Triwulan I dan Tahun Anggaran 2024 yang dibuat **sudah sesuai** Surat Edaran Wali "
        "Kota Bekasi Nomor 100/2921/SETDA.Tapem tanggal 8 April 2021 tentang Sosialisasi Internal "
        "Peningkatan Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (*SAKIP*) pada "
        "Perangkat Daerah di Lingkungan Pemerintah Kota Bekasi. Proses pelaksanaan evaluasi rutin "
        "capaian kinerja perlu diyakini adanya keterlibatan pimpinan dari masing-masing bagian "
        "lingkup Perangkat Daerah, dari beberapa dokumen pendukung Diskominfostandi Kota Bekasi "
        "pada e-SAKIP ditemukan :",
        "a. Laporan Evaluasi Internal **sudah didukung** dengan bukti Surat Undangan Rapat "
        "Evaluasi Rutin Capaian Kinerja, daftar hadir namun dokumentasi pelaksanaan rapat belum "
        "dilampirkan;",
        "b. Terdapat beberapa faktor penyebab belum tercapainya target AKIP, seperti adanya "
        "perbedaan antara Pagu di RENJA dan PERKIN.",
    )),
}

# The five items of 3.4 Prestasi Organisasi, as printed (markup and final punctuation included).
PRESTASI = [
    ("ISO/IEC 27001:2022 Scope of Certification “The Management of Information Security in "
     "Provision of Data Center Services and Networking” Statement of Applicability : Version 5.0 "
     "Dated 26 July 2024;"),
    ("Sertifikat “Diskominfostandi Kota Bekasi telah melaksanakan Penilaian Keamanan Informasi "
     "dengan **Indeks Keamanan Informasi (Indeks KAMI)** yang diselenggarakan oleh **Badan Siber "
     "dan Sandi Negara** dengan nilai tingkat kesiapan **BAIK**;"),
    ("Pemerintah Kota Bekasi menerima anugrah “**Anindhita Wisata Data**” sebagai Pemerintah "
     "Daerah berpredikat “**Baik**” dengan nilai Indeks Pembangunan Statistik (IPS) yaitu 2,70 "
     "dalam program Evaluasi Penyelenggaraan Statistik Sektor (EPSS) Tahun 2024 oleh Badan Pusat "
     "Statistik (BPS);"),
    ("Penghargaan kepada Kota Bekasi sebagai *Inovasi Pemanfaatan Informasi Geospasial Terbaik "
     "Satu Data Jabar Award Tahun 2024*."),
    ("Penghargaan kepada Diskominfostandi Kota Bekasi sebagai Peringkat X (sepuluh) “Evaluasi "
     "Akuntabilitas Kinerja Instansi Pemerintah pada Perangkat Daerah di Lingkungan Pemerintah "
     "Kota Bekasi Tahun 2024 dengan Nilai Hasil Evaluasi 80,67 dan mendapatkan Predikat Nilai A."),
]
